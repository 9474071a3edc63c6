import Foundation
import XCTest

/// `make install-files` and `make uninstall` into a DESTDIR: what install writes, uninstall
/// removes, and nothing else. The built binary stands in for the release one, and a page for the
/// one the generate-manual plugin writes (it takes minutes to build; `make install` runs it).
final class InstallTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL.path

    func testUninstallRemovesExactlyWhatInstallWrote() throws {
        let root = try Shell.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let page = root + "/page.1"
        try ".TH CTXPLAN 1\n".write(toFile: page, atomically: false, encoding: .utf8)
        let dest = root + "/dest"
        // Someone else's file in a shared folder, which uninstall must leave.
        try FileManager.default.createDirectory(atPath: dest + "/usr/bin", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dest + "/usr/bin/other", contents: Data())
        let make = "make -s -C '\(Self.repository)' DESTDIR='\(dest)' PREFIX=/usr"
        let install = try Shell.run("\(make) install-files BIN=\"$CTXPLAN\" MANPAGE='\(page)'")
        XCTAssertEqual(install.status, 0, install.stderr)
        let installed = try files(under: dest).filter { !$0.contains("/share/ctxplan/Presets/") }
        XCTAssertEqual(
            installed,
            [
                "/usr/bin/ctxplan", "/usr/bin/other", "/usr/share/bash-completion/completions/ctxplan",
                "/usr/share/fish/vendor_completions.d/ctxplan.fish", "/usr/share/man/man1/ctxplan.1",
                "/usr/share/zsh/site-functions/_ctxplan",
            ])
        XCTAssertTrue(FileManager.default.fileExists(atPath: dest + "/usr/share/ctxplan/Presets/tasks/arithmetic.json"))
        // The installed binary finds its presets from its own folder.
        let show = try Shell.run("'\(dest)/usr/bin/ctxplan' show h100")
        XCTAssertTrue(show.stdout.contains("H100-SXM"), show.stdout + show.stderr)

        let uninstall = try Shell.run("\(make) uninstall")
        XCTAssertEqual(uninstall.status, 0, uninstall.stderr)
        XCTAssertEqual(try files(under: dest), ["/usr/bin/other"])
    }

    /// Regular files under `root`, as paths below it, sorted.
    private func files(under root: String) throws -> [String] {
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: root))
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                found.append("/" + path)
            }
        }
        return found.sorted()
    }
}

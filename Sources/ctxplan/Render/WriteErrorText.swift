import Foundation
import Planner

/// A file that could not be written, in words: the path, and why.
extension WriteError: CustomStringConvertible {
    public var description: String {
        switch reason {
        case .isFolder: return "cannot write '\(path)': it is a folder; expected a file name"
        case .folderMissing(let directory): return "cannot write '\(path)': folder '\(directory)' does not exist"
        case .system(let code): return "cannot write '\(path)': \(String(cString: strerror(code)))"
        case .other(let why): return "cannot write '\(path)': \(why)"
        case .noName: return "no file name given (''); expected a file path"
        case .standardOutput:
            return "'-' is standard output, which this option does not write; expected a file path ('./-' for a file named '-')"
        }
    }
}

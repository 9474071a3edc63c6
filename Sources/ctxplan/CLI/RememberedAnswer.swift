import Planner

/// A planning answer the session keeps as its last: `show last` prints it again (in the format
/// then asked for), and `_` stands for its main quantity (see `Parse.lastAnswer`).
protocol RememberedAnswer: Rendering {
    var mainQuantity: Measured? { get }
}

extension Prediction: RememberedAnswer {}
extension Explanation: RememberedAnswer {}
extension ComputeForAnswer: RememberedAnswer {}
extension ContextForAnswer: RememberedAnswer {}
extension ShotsAnswer: RememberedAnswer {}
extension ExtendAnswer: RememberedAnswer {}
extension ExtensionCost: RememberedAnswer {}
extension Budget: RememberedAnswer {}

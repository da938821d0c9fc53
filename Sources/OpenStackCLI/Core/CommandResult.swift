/// What one `openstack` invocation printed, and how it ended.
public struct CommandResult: Equatable, Sendable {
  public var standardOutput: String
  public var standardError: String
  public var exitStatus: Int32
  /// The command exists in the real client but this emulation does not implement it: nothing
  /// ran, and the output says so.
  public var isSimulated: Bool

  public init(standardOutput: String = "", standardError: String = "", exitStatus: Int32 = 0, isSimulated: Bool = true) {
    self.standardOutput = standardOutput
    self.standardError = standardError
    self.exitStatus = exitStatus
    self.isSimulated = isSimulated
  }
}

/// An error that ends a command: its message goes to standard error, as osc-lib's
/// `CommandError` and the clients' exceptions are reported, and the exit status is 1.
struct CommandFailure: Error {
  var message: String
  var exitStatus: Int32 = 1
}

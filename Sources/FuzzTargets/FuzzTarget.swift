/// The code `Scripts/fuzz` feeds random bytes to, one entry point per target. Each takes any bytes
/// and must return: an error the code reports (a check that fails, an unreadable cloud file, an
/// HTTP 400) is a right answer; a trap, a crash, a hang or runaway memory is a finding.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// The RST reader, with the console transcripts of the blocks it finds and the page's plan.
  case rst
  /// The Markdown reader (cmark-gfm), likewise.
  case markdown
  /// The console transcript splitter, on the lines of one literal block.
  case console
  /// `check`'s table reader: the bytes as the documented output of a `list` and a `show`.
  case table
  /// `check`'s JSON reader: the bytes as the documented output of `-f json`.
  case json
  /// `check`'s YAML reader: the bytes as the documented output of `-f yaml`.
  case yaml
  /// A whole Markdown page through `walkthrough check`, on devstack's cloud.
  case check
  /// Command lines, one a line, run in order in one session on a fresh devstack cloud: the shell
  /// word splitter and the emulation's argument parser behind it.
  case openstack
  /// A cloud file: read, made into a cloud, and used (servers on its networks, shares of its types).
  case cloudFile = "cloud-file"
  /// HTTP/1.1 requests as `walkthrough serve` reads them, answered by the gateway one after the other.
  case gateway

  /// Runs the target on one input.
  public func run(_ input: [UInt8]) {
    switch self {
    case .rst: ReaderTargets.page(input, syntax: .rst)
    case .markdown: ReaderTargets.page(input, syntax: .markdown)
    case .console: ReaderTargets.console(input)
    case .table: ComparisonTargets.documentedOutput(input, of: ["openstack flavor list", "openstack flavor show m1.tiny"])
    case .json:
      ComparisonTargets.documentedOutput(input, of: ["openstack flavor list -f json", "openstack flavor show m1.tiny -f json"])
    case .yaml:
      ComparisonTargets.documentedOutput(input, of: ["openstack flavor list -f yaml", "openstack flavor show m1.tiny -f yaml"])
    case .check: ComparisonTargets.page(input)
    case .openstack: EmulationTargets.commandLines(input)
    case .cloudFile: EmulationTargets.cloudFile(input)
    case .gateway: GatewayTarget.requests(input)
    }
  }

  /// Any bytes as text, the way a reader that repairs bad UTF-8 would see them: the readers take
  /// `String`s, and the page loader's own check of the encoding is not what is fuzzed here.
  static func text(_ input: [UInt8]) -> String {
    String(decoding: input, as: UTF8.self)
  }
}

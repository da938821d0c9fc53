/// The closing line of a run over several pages: `3 pages, 37 commands: 37 matched (0.05 s)`.
public struct RunSummary: Sendable {
  public private(set) var pages = 0
  public private(set) var commands = 0
  public private(set) var unreadable = 0
  private var counts: [OutcomeKind: Int] = [:]

  public init() {}

  public mutating func add(_ page: PageReport) {
    pages += 1
    if page.error != nil { unreadable += 1 }
    commands += page.results.count
    for result in page.results { counts[result.outcome.kind, default: 0] += 1 }
  }

  /// The line, with the run's wall-clock time when given.
  public func text(seconds: Double? = nil) -> String {
    let kinds = OutcomeKind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }
    var parts = kinds.isEmpty ? ["none"] : kinds
    if unreadable > 0 { parts.append("\(counted(unreadable, "page")) unreadable") }
    let time = seconds.map { " (\(Seconds.text($0, places: 2)) s)" } ?? ""
    return "\(counted(pages, "page")), \(counted(commands, "command")): \(parts.joined(separator: ", "))\(time)"
  }
}

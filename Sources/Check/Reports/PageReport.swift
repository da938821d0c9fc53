import Documents

/// A page's check: each command's outcome and the time it took, or why the page could not be
/// checked.
public struct PageReport: Sendable {
  public var file: String
  public var results: [StepResult]
  public var seconds: Double
  /// Set when the page or its cloud file could not be read; then there are no results.
  public var error: DocumentError?
  /// The page's transcript against its snapshot, when the check compares them.
  public var snapshot: SnapshotComparison?

  public init(file: String, results: [StepResult], seconds: Double, error: DocumentError? = nil) {
    self.file = file
    self.results = results
    self.seconds = seconds
    self.error = error
  }

  /// How many commands ended each way, in ``OutcomeKind`` order, zero counts left out.
  public var counts: [(kind: OutcomeKind, count: Int)] {
    OutcomeKind.allCases.compactMap { kind in
      let count = results.count { $0.outcome.kind == kind }
      return count > 0 ? (kind, count) : nil
    }
  }

  /// Whether the page fails the check: drift, a failed command, drift that the page expects and
  /// is gone.
  public var fails: Bool { results.contains { $0.outcome.kind.fails } || snapshotFails }

  /// Whether the page's snapshot does not record its transcript.
  public var snapshotFails: Bool { snapshot.map { $0.state != .unchanged } ?? false }

  /// What the snapshot comparison found, as findings: the changed commands, or the whole page
  /// for a missing or unreadable snapshot.
  public var snapshotFindings: [SnapshotComparison.Finding] {
    guard let snapshot else { return [] }
    switch snapshot.state {
    case .unchanged: return []
    case .changed: return snapshot.findings
    case .new: return [.init(kind: .missing, line: nil, command: "", diff: [])]
    case .unreadable(let error): return [.init(kind: .unreadable, line: error.line, command: "", diff: [error.reason])]
    }
  }
}

/// The ways a command's check ends, as reports name them.
public enum OutcomeKind: String, CaseIterable, Sendable {
  case matched
  case ran
  case drift
  case failed
  case driftGone = "drift gone"
  case expectedDrift = "expected drift"
  case skipped
  case notSimulated = "not simulated"

  public var fails: Bool { self == .drift || self == .failed || self == .driftGone }
}

extension StepOutcome {
  public var kind: OutcomeKind {
    switch self {
    case .matched: .matched
    case .ran: .ran
    case .drift: .drift
    case .failed: .failed
    case .notSimulated: .notSimulated
    case .skipped: .skipped
    case .expectedDrift: .expectedDrift
    case .driftGone: .driftGone
    }
  }
}

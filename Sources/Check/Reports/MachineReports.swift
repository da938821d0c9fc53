import CloudAPI

/// One JSON object per command, a line each (JSON Lines), for tools:
/// `{"file", "line", "command", "outcome", ...}` with `differences`, `status` and `message`,
/// `reason` as the outcome has them, and `notes` when there are; a page that could not be checked is one object with
/// `"outcome": "error"`.
public enum JSONLinesReport {
  public static func render(_ page: PageReport) -> String {
    if let error = page.error {
      let object: JSON = .object([
        "file": .string(error.file), "line": error.line.map(JSON.int) ?? .null, "outcome": "error",
        "message": .string(error.reason),
      ])
      return object.pythonCompact + "\n"
    }
    return page.results.map { result in
      var fields: JSONObject = [
        "file": .string(page.file), "line": .int(result.step.command.line),
        "command": .string(result.step.command.command), "outcome": .string(result.outcome.kind.rawValue),
      ]
      describe(result.outcome, into: &fields)
      if !result.notes.isEmpty { fields["notes"] = .array(result.notes.map(JSON.string)) }
      return JSON.object(fields).pythonCompact + "\n"
    }.joined() + page.snapshotFindings.map { finding in
      let object: JSON = .object([
        "file": .string(page.file), "line": finding.line.map(JSON.int) ?? .null, "command": .string(finding.command),
        "outcome": "snapshot changed", "change": .string(finding.kind.rawValue),
        "snapshot": .string(page.snapshot?.snapshotFile ?? ""), "diff": .array(finding.diff.map(JSON.string)),
      ])
      return object.pythonCompact + "\n"
    }.joined()
  }

  private static func describe(_ outcome: StepOutcome, into fields: inout JSONObject) {
    switch outcome {
    case .matched, .ran: break
    case .drift(let differences):
      fields["differences"] = .array(
        differences.map { difference in
          .object([
            "side": .string(difference.sideName),
            "line": .int(difference.line), "text": .string(difference.text),
          ])
        })
    case .failed(let status, let message):
      fields["status"] = .int(Int(status))
      fields["message"] = .string(message)
    case .notSimulated(let reason), .skipped(let reason), .driftGone(let reason):
      fields["reason"] = .string(reason)
    case .expectedDrift(let reason, let drift):
      fields["reason"] = .string(reason)
      describe(drift, into: &fields)
    }
  }
}

/// GitHub Actions workflow commands: an `::error` for each command that fails the check, a
/// `::notice` for drift the page expects.
public enum GitHubReport {
  public static func render(_ page: PageReport) -> String {
    if let error = page.error {
      return annotation("error", file: error.file, line: error.line, message: error.reason)
    }
    return page.results.map { result -> String in
      let command = result.step.command
      switch result.outcome {
      case .matched, .ran, .notSimulated, .skipped:
        return ""
      case .failed(let status, let text):
        return annotation(
          "error", file: page.file, line: command.line,
          message: "\(command.command) exited with status \(status): \(text)")
      case .drift(let differences):
        return annotation("error", file: page.file, line: command.line, message: "\(command.command): \(summary(of: differences))")
      case .driftGone(let reason):
        return annotation(
          "error", file: page.file, line: command.line,
          message: "\(command.command): the page expects drift here (\(reason)) and there is none; remove the directive")
      case .expectedDrift(let reason, _):
        return annotation("notice", file: page.file, line: command.line, message: "expected drift: \(reason)")
      }
    }.joined() + page.snapshotFindings.map { finding in
      let subject = finding.command.isEmpty ? finding.kind.rawValue : "\(finding.command) (\(finding.kind.rawValue))"
      let message = "snapshot \(page.snapshot?.snapshotFile ?? "") changed: \(subject)\n" + finding.diff.joined(separator: "\n")
      let file = finding.kind == .unreadable ? page.snapshot?.snapshotFile ?? page.file : page.file
      return annotation("error", file: file, line: finding.line, message: message)
    }.joined()
  }

  /// The drift in one sentence: the first explanation (and how many more), or how many lines
  /// differ on each side.
  private static func summary(of differences: [Difference]) -> String {
    let explained = differences.filter { $0.side == .explained }
    if let first = explained.first {
      return first.text + (explained.count > 1 ? " (and \(explained.count - 1) more)" : "")
    }
    let documented = differences.count { $0.side == .documented }
    let printed = differences.count - documented
    return
      "output drifts from the page (\(counted(documented, "documented line")) \(documented == 1 ? "differs" : "differ"), \(counted(printed, "printed line")) \(printed == 1 ? "differs" : "differ"))"
  }

  /// `::error file=…,line=…::message`; the message escapes `%`, CR and LF, properties also `,`
  /// and `:`.
  private static func annotation(_ level: String, file: String, line: Int?, message: String) -> String {
    func escaped(_ text: String, _ characters: [Unicode.Scalar: String]) -> String {
      text.unicodeScalars.map { characters[$0] ?? String($0) }.joined()
    }
    let text = escaped(message, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    let path = escaped(file, ["%": "%25", "\r": "%0D", "\n": "%0A", ",": "%2C", ":": "%3A"])
    return "::\(level) file=\(path)\(line.map { ",line=\($0)" } ?? "")::\(text)\n"
  }
}

import Documents
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// JUnit XML as Jenkins, GitLab and GitHub test reporters read it: a `testsuite` per page, a
/// `testcase` per command (named by its line and command), drift and failed commands as
/// `failure`, pages that could not be read as `error`, commands not run as `skipped`. Expected
/// drift passes, its reason in `system-out`. With `--snapshots`, each snapshot finding is one
/// more `testcase`, a `failure`.
public enum JUnitReport {
  public static func render(_ pages: [PageReport]) -> String {
    let tests = pages.reduce(0) { $0 + max(1, $1.results.count + $1.snapshotFindings.count) }
    let failures = pages.reduce(0) { $0 + $1.results.count { $0.outcome.kind.fails } + $1.snapshotFindings.count }
    let errors = pages.count { $0.error != nil }
    let time = pages.reduce(0) { $0 + $1.seconds }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml +=
      "<testsuites name=\"walkthrough check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(seconds(time))\">\n"
    for page in pages { xml += suite(page) }
    return xml + "</testsuites>\n"
  }

  /// Writes the report to `path`, whole or not at all: a temporary file beside it takes its name
  /// (beside its target, for a symbolic link).
  public static func write(_ pages: [PageReport], to path: String) throws(DocumentError) {
    func failure(_ code: Int32) -> DocumentError {
      DocumentError(file: path, reason: "cannot write the JUnit report (\(String(cString: strerror(code))))")
    }
    let target: String
    do {
      target = try SystemCall.followingLinks(path)
    } catch {
      throw failure(error.code)
    }
    var status = stat()
    if stat(target, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { throw failure(EISDIR) }
    let file: SiblingFile
    do {
      file = try SiblingFile(beside: target, contents: Data(render(pages).utf8), mode: 0o666)
    } catch {
      throw failure(error.code)
    }
    guard rename(file.path, target) == 0 else {
      let code = errno
      unlink(file.path)
      throw failure(code)
    }
  }

  private static func suite(_ page: PageReport) -> String {
    let name = escaped(page.file)
    if let error = page.error {
      return """
          <testsuite name="\(name)" tests="1" failures="0" errors="1" skipped="0" time="\(seconds(page.seconds))" file="\(name)">
            <testcase name="\(name)" classname="\(name)" file="\(name)" time="0">
              <error message="\(escaped(error.reason))" type="unreadable">\(escaped(error.description))</error>
            </testcase>
          </testsuite>

        """
    }
    let snapshot = page.snapshotFindings
    let failures = page.results.count { $0.outcome.kind.fails } + snapshot.count
    let skipped = page.results.count { [.skipped, .notSimulated].contains($0.outcome.kind) }
    var xml =
      "  <testsuite name=\"\(name)\" tests=\"\(page.results.count + snapshot.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(seconds(page.seconds))\" file=\"\(name)\">\n"
    for result in page.results { xml += testcase(result, file: page.file) }
    for finding in snapshot { xml += testcase(finding, file: page.file, snapshotFile: page.snapshot?.snapshotFile ?? "") }
    return xml + "  </testsuite>\n"
  }

  /// A snapshot finding: a failure named by the snapshot and the command's line.
  private static func testcase(_ finding: SnapshotComparison.Finding, file: String, snapshotFile: String) -> String {
    let subject = finding.command.isEmpty ? finding.kind.rawValue : "\(finding.command) (\(finding.kind.rawValue))"
    let line = finding.line.map { " line=\"\($0)\"" } ?? ""
    let name = "snapshot \(snapshotFile)\(finding.line.map { " line \($0)" } ?? ""): \(subject)"
    return
      "    <testcase name=\"\(escaped(name))\" classname=\"\(escaped(file))\" file=\"\(escaped(file))\"\(line) time=\"0.000000\">\n"
      + "      <failure message=\"the snapshot does not record the page's transcript\" type=\"snapshot changed\">\(escaped(finding.diff.joined(separator: "\n")))</failure>\n"
      + "    </testcase>\n"
  }

  private static func testcase(_ result: StepResult, file: String) -> String {
    let command = result.step.command
    let attributes =
      "name=\"\(escaped("line \(command.line): \(command.command)"))\" classname=\"\(escaped(file))\" file=\"\(escaped(file))\" line=\"\(command.line)\" time=\"\(seconds(result.seconds))\""
    let notes = result.notes.isEmpty ? "" : "\n      <system-out>\(escaped(result.notes.map { "note: \($0)" }.joined(separator: "\n")))</system-out>"
    let body: String
    switch result.outcome {
    case .matched, .ran:
      guard !notes.isEmpty else { return "    <testcase \(attributes)/>\n" }
      return "    <testcase \(attributes)>\(notes)\n    </testcase>\n"
    case .drift(let differences):
      let diff = differences.map { $0.rendered(file: file) }.joined(separator: "\n")
      body = "<failure message=\"output drifts from the page\" type=\"drift\">\(escaped(diff))</failure>"
    case .failed(let status, let message):
      body =
        "<failure message=\"\(escaped("exited with status \(status)"))\" type=\"failed\">\(escaped(message))</failure>"
    case .driftGone(let reason):
      body =
        "<failure message=\"the page expects drift here and there is none\" type=\"drift gone\">\(escaped(reason))</failure>"
    case .expectedDrift(let reason, _):
      body = "<system-out>\(escaped((["expected drift: \(reason)"] + result.notes.map { "note: \($0)" }).joined(separator: "\n")))</system-out>"
      return "    <testcase \(attributes)>\n      \(body)\n    </testcase>\n"
    case .skipped(let reason):
      body = "<skipped message=\"\(escaped(reason.isEmpty ? "skipped by the page" : "skipped: \(reason)"))\"/>"
    case .notSimulated(let reason):
      body = "<skipped message=\"\(escaped("not simulated: \(reason)"))\"/>"
    }
    return "    <testcase \(attributes)>\n      \(body)\(notes)\n    </testcase>\n"
  }

  private static func seconds(_ value: Double) -> String {
    Seconds.text(value, places: 6)
  }

  /// Text for an attribute or element: markup characters as entities; characters XML 1.0 cannot
  /// hold (most controls, such as the escape of a terminal colour) as U+FFFD.
  static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\t", "\n", "\r", "\u{20}"..."\u{D7FF}", "\u{E000}"..."\u{FFFD}", "\u{10000}"..."\u{10FFFF}":
        result.unicodeScalars.append(scalar)
      default:
        result += "\u{FFFD}"
      }
    }
    return result
  }
}

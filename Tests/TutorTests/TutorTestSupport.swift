import Check
import Documents
import Foundation
import Tutor

/// Pages and sessions for the tutor's tests.
enum TutorPages {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let walkthroughs = ["manila-troubleshooting.rst", "nova-failed-resize.md", "nova-faults.md", "listing-in-detail.md"]
    .map { root.appendingPathComponent("walkthroughs/\($0)").path }
  /// The published Shared File Systems troubleshooting page, captured at 228 columns.
  static let publishedManila = root.appendingPathComponent("Tests/DocumentsTests/Fixtures/manila-troubleshooting.rst").path

  static func tutorial(_ path: String, width: Int = 80, commandWidth: Int? = nil) throws -> Tutorial {
    let (walkthrough, text) = try WalkthroughReader.readKeepingText(file: path)
    return try Tutorial(
      walkthrough, text: text, settings: CheckSettings(), width: width, commandWidth: commandWidth,
      style: TerminalStyle(colour: false))
  }

  /// The scripted session's whole output for these input lines.
  static func script(_ tutorial: Tutorial, _ lines: [String]) -> String {
    var input = lines.makeIterator()
    var output = ""
    ScriptedTutor.run(tutorial, readLine: { input.next() }) { output += $0 }
    return output
  }
}

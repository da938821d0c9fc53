import Check
import Documents
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `walkthrough snapshot --review`: the pending snapshots one by one on a terminal, as
/// `cargo insta review` walks them: the diff, then a key: accept, reject, skip or quit.
struct SnapshotReview {
  var text: TextReport

  enum Choice: Character {
    case accept = "a"
    case reject = "r"
    case skip = "s"
    case quit = "q"
  }

  /// Standard input must be a terminal: a key is read from it for each snapshot.
  static func requireTerminal() throws {
    guard isatty(STDIN_FILENO) == 1 else {
      throw DocumentError(file: "standard input", reason: "--review reads keys from a terminal, and this is none; use --accept")
    }
  }

  func run(_ tally: inout Tally) throws {
    for (index, pending) in tally.pending.enumerated() {
      let snapshot = String(pending.dropLast(".new".count))
      let old = UnifiedDiff.lines(of: (try? String(contentsOfFile: snapshot, encoding: .utf8)) ?? "")
      let new = UnifiedDiff.lines(of: try String(contentsOfFile: pending, encoding: .utf8))
      let exists = FileManager.default.fileExists(atPath: snapshot)
      say("\nSnapshot \(index + 1) of \(tally.pending.count): \(pending)\n")
      say(text.painted(diff: UnifiedDiff.render(old: old, new: new, oldName: exists ? snapshot : "/dev/null", newName: pending)))
      switch Self.ask() {
      case .accept:
        try SnapshotStore.acceptPending(pending)
        say("accepted: \(snapshot)\n")
        tally.reviewed += 1
        tally.accepted += 1
      case .reject:
        unlink(pending)
        say("rejected: \(pending) removed\n")
        tally.reviewed += 1
        tally.rejected += 1
      case .skip:
        say("skipped: \(pending) kept\n")
      case .quit:
        say("quit: \(tally.pending.count - index) left pending\n")
        return
      }
    }
  }

  /// Writes at once, unbuffered: the prompt must show before the key is read.
  private static func say(_ text: String) {
    FileHandle.standardOutput.write(text)
  }

  private func say(_ text: String) { Self.say(text) }

  /// One key, without waiting for Return; end of input quits.
  private static func ask() -> Choice {
    say("a accept   r reject   s skip   q quit > ")
    var saved = termios()
    let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
    if isTerminal {
      var raw = saved
      raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
      tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    }
    defer { if isTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &saved) } }
    while true {
      var byte: UInt8 = 0
      guard read(STDIN_FILENO, &byte, 1) == 1 else {
        say("\n")
        return .quit
      }
      if let choice = Choice(rawValue: Character(Unicode.Scalar(byte))) {
        say("\(choice.rawValue)\n")
        return choice
      }
    }
  }
}

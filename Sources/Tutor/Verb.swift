/// What a person types after `:` to move about the tutorial instead of running a command.
enum Verb: Equatable {
  case doc(step: Int?)
  case diff(step: Int?)
  case back
  case goto(step: Int)
  case reset
  case skip
  case list
  case hint
  case help
  case quit

  /// The verbs and what each does, as `:help` shows them.
  static let all: [(usage: String, meaning: String)] = [
    (":doc [N]", "the output the page shows for this step (or step N)"),
    (":diff [N]", "the full comparison of the step just run (or step N) with the page"),
    (":back", "back to the previous step, the cloud as it was before it"),
    (":goto N", "to step N (back: the cloud as it was before it; ahead: the steps between are not run)"),
    (":reset", "back to the first step and a fresh cloud"),
    (":skip", "leave this step and go on to the next"),
    (":list", "the steps, each marked done, differs, not run..."),
    (":hint", "the page's command for this step"),
    (":help", "this list"),
    (":quit", "the summary, and leave (Ctrl-D too)"),
  ]

  enum Failure: Error, Equatable {
    case unknown(String)
    case needsStep(String)
  }

  /// The verb a line names (`:goto 4`), or why it names none.
  init(_ line: String) throws(Failure) {
    let words = line.dropFirst().split(separator: " ")
    let name = words.first.map(String.init) ?? ""
    let number = words.count > 1 ? Int(words[1]) : nil
    if words.count > 1 && number == nil || words.count > 2 { throw .needsStep(":" + name) }
    switch name {
    case "doc": self = .doc(step: number)
    case "diff": self = .diff(step: number)
    case "back" where number == nil: self = .back
    case "goto":
      guard let number else { throw .needsStep(":goto") }
      self = .goto(step: number)
    case "reset" where number == nil: self = .reset
    case "skip" where number == nil: self = .skip
    case "list" where number == nil: self = .list
    case "hint" where number == nil: self = .hint
    case "help" where number == nil: self = .help
    case "quit" where number == nil, "q" where number == nil: self = .quit
    default: throw .unknown(":" + name)
    }
  }
}

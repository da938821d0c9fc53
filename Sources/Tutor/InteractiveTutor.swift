import Foundation

/// The tutorial on a terminal: the step's command typed at the page's prompt, in a line editor
/// with the page's history and completion; the prose wrapped to the terminal and wrapped again
/// when it changes size.
public struct InteractiveTutor {
  let tutorial: Tutorial
  /// The width asked for (`--width`), which a resize does not change.
  let fixedWidth: Int?
  let history: TutorHistory

  public init(tutorial: Tutorial, fixedWidth: Int?, historyFile: String?) {
    self.tutorial = tutorial
    self.fixedWidth = fixedWidth
    self.history = TutorHistory(file: historyFile)
  }

  public func run() {
    let tutorial = self.tutorial
    let completion = Completion { tutorial.page.session.cloud.resourceNames }
    let editor = LineEditor(history: history.load(), columns: tutorial.width) { completion.candidates(before: $0) }
    write(tutorial.introduction())
    var typed: String?
    while true {
      let outcome = editor.read(prompt: tutorial.prompt + " ", initial: typed ?? tutorial.suggestedCommand ?? "")
      typed = nil
      switch outcome {
      case .line(let line):
        editor.remember(line)
        history.save(editor.history)
        let reply = tutorial.handle(line)
        write(reply.text)
        if reply.finished { return }
      case .interrupted:
        continue
      case .endOfInput:
        write(tutorial.summary())
        return
      case .resized(let line):
        let columns = fixedWidth ?? Terminal.size()?.columns ?? 80
        tutorial.width = columns
        if fixedWidth == nil { tutorial.commandWidth = columns }
        editor.columns = columns
        // The screen again, its prose wrapped to the new width.
        write("\u{1B}[H\u{1B}[2J" + tutorial.stepScreen())
        typed = line
      }
    }
  }

  private func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}

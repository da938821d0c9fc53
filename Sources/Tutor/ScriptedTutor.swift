/// The tutorial driven by lines of text, for tests and demonstrations: each line is a command or
/// a `:` verb, an empty line runs the step's command as the page shows it, and the replies are
/// plain text. The end of the input ends the tutorial, with its summary.
public enum ScriptedTutor {
  public static func run(_ tutorial: Tutorial, readLine: () -> String?, write: (String) -> Void) {
    write(tutorial.introduction())
    while true {
      guard let typed = readLine() else {
        write(tutorial.summary())
        return
      }
      let line = typed.allSatisfy(\.isWhitespace) ? (tutorial.suggestedCommand ?? "") : typed
      write("\(tutorial.prompt) \(Terminal.visible(line))\n")
      let reply = tutorial.handle(line)
      write(reply.text)
      if reply.finished { return }
    }
  }
}

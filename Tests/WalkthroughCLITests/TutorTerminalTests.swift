import Foundation
import Testing

/// `walkthrough tutor` in a real terminal: tmux runs it, the test types keys (send-keys) and reads
/// the screen (capture-pane). Skipped, saying so, where tmux is not installed (Scripts/setup
/// installs it; CI has it).
@Suite(.serialized) struct TutorTerminalTests {
  static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// A tmux server of the test's own, with one 80×24 window.
  final class Screen {
    /// The server's socket, a file of the test's own, removed with the server.
    let socket = FileManager.default.temporaryDirectory.appendingPathComponent("walkthrough-tmux-\(UUID().uuidString)").path

    init(command: String) throws {
      try tmux(["new-session", "-d", "-s", "tutor", "-x", "80", "-y", "24", command])
    }

    deinit {
      try? tmux(["kill-server"])
      try? FileManager.default.removeItem(atPath: socket)
    }

    /// Runs tmux; its output only when asked. The server it starts lives on with the descriptors
    /// it was given: bash closes all but the standard three first, or the test would wait for
    /// the end of a pipe the server holds.
    @discardableResult
    func tmux(_ arguments: [String], output wanted: Bool = false) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      let closing = #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null; exec "$@""#
      process.arguments = ["-c", closing, "bash", TutorTerminalTests.tmux!, "-S", socket, "-f", "/dev/null"] + arguments
      let output = Pipe()
      process.standardOutput = wanted ? output : FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      process.standardInput = FileHandle.nullDevice
      try process.run()
      let data = wanted ? output.fileHandleForReading.readDataToEndOfFile() : Data()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", "tutor"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "tutor", "-l", "--", text]) }

    /// The screen, with as much scrollback as asked.
    func contents(history: Int = 0) throws -> String {
      try tmux(["capture-pane", "-p", "-t", "tutor", "-S", "-\(history)"], output: true)
    }

    /// Waits until the screen shows `text` (on its last line, when asked); the screen then.
    @discardableResult
    func waitFor(_ text: String, onLastLine: Bool = false, history: Int = 0) throws -> String {
      let deadline = Date().addingTimeInterval(5)
      var screen = ""
      while Date() < deadline {
        screen = try contents(history: history)
        let lines = screen.split(separator: "\n")
        if onLastLine ? (lines.last.map { $0.contains(text) } ?? false) : screen.contains(text) { return screen }
        Thread.sleep(forTimeInterval: 0.02)
      }
      Issue.record("the screen never showed \(text):\n\(screen)")
      return screen
    }
  }

  @Test func typingEditingHistoryCompletionInterruptBackAndResize() throws {
    guard Self.tmux != nil else {
      print("skipped: tmux is not installed (Scripts/setup installs it)")
      return
    }
    let cli = WalkthroughCommandTests()
    let binary = try #require(try cli.walkthroughProcess([]).executableURL).path
    let state = try cli.directory()
    let page = TutorCommandTests.manila
    // After the tutor: its status, and whether the terminal is back in its own mode.
    let screen = try Screen(
      command: "env XDG_STATE_HOME=\(state) TERM=xterm \(binary) tutor \(page); echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo; sleep 10")
    try screen.waitFor("$ openstack share type list", onLastLine: true)

    // A resize wraps the prose again.
    try screen.tmux(["resize-window", "-t", "tutor", "-x", "60", "-y", "24"])
    let narrow = try screen.waitFor("1. Shares are created from share types, which the cloud's\n")
    #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 60 })
    try screen.tmux(["resize-window", "-t", "tutor", "-x", "80", "-y", "24"])
    try screen.waitFor("1. Shares are created from share types, which the cloud's administrators define.")

    // Typing and editing: the step's command, a word added at the front and taken away, options
    // added at the end.
    try screen.keys("C-a")
    try screen.type("sudo ")
    try screen.waitFor("$ sudo openstack share type list", onLastLine: true)
    try screen.keys("C-w")
    try screen.keys("C-e")
    try screen.type(" -f value -c Name")
    try screen.waitFor("$ openstack share type list -f value -c Name", onLastLine: true)
    try screen.keys("Enter")
    try screen.waitFor("dhss_true\ndiffers: ")
    try screen.waitFor("$ openstack subnet list", onLastLine: true)

    // Ctrl-C abandons a half-typed line, not the tutorial.
    try screen.keys("C-u")
    try screen.type("openstack sha")
    try screen.keys("C-c")
    try screen.waitFor("$ openstack sha^C\n$ openstack subnet list")

    // History: Up brings back the line run before.
    try screen.keys("Up")
    try screen.waitFor("$ openstack share type list -f value -c Name", onLastLine: true)

    // Tab completes a command word, and a server's name.
    try screen.keys("C-u")
    try screen.type("openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait vm1 -f value -c status")
    try screen.keys("Enter")
    try screen.waitFor("ACTIVE\na command of your own")
    try screen.keys("C-u")
    try screen.type("openstack share ty")
    try screen.keys("Tab")
    // (The screen keeps no trailing space: the next word shows the one completion added.)
    try screen.type("list")
    try screen.waitFor("$ openstack share type list", onLastLine: true)
    try screen.keys("C-u")
    try screen.type("openstack server show v")
    try screen.keys("Tab")
    try screen.type("-f value -c status")
    try screen.waitFor("$ openstack server show vm1 -f value -c status", onLastLine: true)

    // :back restores the shares the step deleted.
    try screen.keys("C-c")
    try screen.waitFor("$ openstack subnet list", onLastLine: true)
    for step in 3...16 {
      try screen.keys("Enter")
      try screen.waitFor("step \(step)/18")
    }
    try screen.keys("C-u")
    try screen.type("openstack share list -f value -c Name")
    try screen.keys("Enter")
    try screen.waitFor("-c Name\nsoftware_share\na command of your own")
    try screen.keys("C-u")
    try screen.type(":back")
    try screen.keys("Enter")
    try screen.waitFor("back to step 15, the cloud as it was before it")
    try screen.keys("C-u")
    try screen.type("openstack share list -f value -c Name")
    try screen.keys("Enter")
    try screen.waitFor("-c Name\nsoftware_share\nsoftware_share\nsoftware_share\na command of your own", history: 50)

    // Ctrl-D ends it: the summary, status 0, the terminal as it was.
    try screen.keys("C-u", "C-d")
    let end = try screen.waitFor("EXIT=0", history: 50)
    // (The terminal wraps the summary at 80 columns.)
    #expect(end.contains("Summary: 18 steps: "))
    #expect(end.contains(" differed, 4 not run; 3 commands of yo"))
    try screen.waitFor("icanon echo")
    let history = try FileManager.default.contentsOfDirectory(atPath: state + "/walkthrough/history")
    #expect(history.count == 1)
    let saved = try String(contentsOfFile: state + "/walkthrough/history/" + history[0], encoding: .utf8)
    #expect(saved.hasPrefix("openstack share type list -f value -c Name\nopenstack server create"))
  }
}

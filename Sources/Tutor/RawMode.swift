import Foundation

/// The terminal's mode while a line is edited: bytes as they are typed, no echo, no signals from
/// Ctrl-C or Ctrl-Z (the editor handles them). The mode the terminal had is put back when the
/// line is done, and on every way out of the process: a normal exit, a fatal signal (SIGTERM,
/// SIGHUP, SIGQUIT, a crash), after which the signal takes its course.
enum RawMode {
  /// The terminal's own mode, kept where a signal handler can reach it.
  nonisolated(unsafe) private static var saved = termios()
  nonisolated(unsafe) private static var isOn = false
  nonisolated(unsafe) private static var handlersInstalled = false
  /// SIGWINCH writes a byte here, so that an editor waiting for a key hears of a resize.
  nonisolated(unsafe) static var resizePipe: (read: Int32, write: Int32) = (-1, -1)

  static let fatalSignals = [SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE]

  /// Switches the terminal on `descriptor` to raw input; false when it is not a terminal.
  static func enable(_ descriptor: Int32 = STDIN_FILENO) -> Bool {
    installHandlers()
    var mode = termios()
    guard tcgetattr(descriptor, &mode) == 0 else { return false }
    if !isOn { saved = mode }
    mode.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
    mode.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | ISTRIP | BRKINT)
    withUnsafeMutableBytes(of: &mode.c_cc) { bytes in
      bytes[Int(VMIN)] = 1
      bytes[Int(VTIME)] = 0
    }
    // Keys typed ahead (or pasted) while a command ran stay to be read.
    guard tcsetattr(descriptor, TCSADRAIN, &mode) == 0 else { return false }
    isOn = true
    return true
  }

  /// Puts the terminal's own mode back (async-signal-safe: a handler calls it).
  static func disable(_ descriptor: Int32 = STDIN_FILENO) {
    guard isOn else { return }
    tcsetattr(descriptor, TCSADRAIN, &saved)
    isOn = false
  }

  private static func installHandlers() {
    guard !handlersInstalled else { return }
    handlersInstalled = true
    var descriptors: [Int32] = [0, 0]
    if pipe(&descriptors) == 0 {
      for descriptor in descriptors { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK) }
      resizePipe = (descriptors[0], descriptors[1])
    }
    var resize = sigaction()
    resize.__sigaction_handler.sa_handler = { _ in
      var byte: UInt8 = 1
      _ = write(RawMode.resizePipe.write, &byte, 1)
    }
    resize.sa_flags = SA_RESTART
    sigaction(SIGWINCH, &resize, nil)
    var fatal = sigaction()
    fatal.__sigaction_handler.sa_handler = { signalNumber in
      RawMode.disable()
      // The default action, now that the terminal is itself again.
      signal(signalNumber, SIG_DFL)
      raise(signalNumber)
    }
    for signalNumber in fatalSignals { sigaction(signalNumber, &fatal, nil) }
    // A process may start with signals blocked (its parent's mask is inherited): these must
    // arrive, or a resize goes unnoticed and a terminal is left raw.
    var handled = sigset_t()
    sigemptyset(&handled)
    for signalNumber in fatalSignals + [SIGWINCH] { sigaddset(&handled, signalNumber) }
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    atexit { RawMode.disable() }
  }
}

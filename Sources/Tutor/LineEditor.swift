import Foundation

/// A line editor on a raw terminal, with Emacs keys, history and Tab completion. The line is
/// shown on one row, scrolled sideways to keep the cursor in view, so that a line of any length
/// (a megabyte pasted) costs one row's drawing. Control characters and escape sequences that
/// are no key it knows go into the line as text, shown as `^[`, never sent to the terminal.
final class LineEditor {
  enum Outcome: Equatable {
    case line(String)
    /// Ctrl-C: the line is abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case endOfInput
    /// The terminal changed size: the line so far, to edit on once the screen is redrawn.
    case resized(String)
  }

  /// How much of a line is left on the screen once it is entered.
  static let longestShown = 10_000

  private(set) var history: [String]
  private let complete: (String) -> [String]
  private let input: Int32
  private let output: Int32
  var columns: Int

  private var buffer: [Character] = []
  private var cursor = 0
  private var prompt = ""
  private var killed: [Character] = []
  /// Where Up and Down are in the history; `history.count`: the line being edited.
  private var historyIndex = 0
  private var editedLine: [Character] = []
  private var lastKeyWasTab = false

  /// - Parameter complete: the words that may complete a line, given the line up to the cursor;
  ///   each a whole word, of which the last word of the text is the beginning.
  init(history: [String], columns: Int, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, complete: @escaping (String) -> [String]) {
    self.history = history
    self.columns = columns
    self.input = input
    self.output = output
    self.complete = complete
  }

  /// Reads a line, the terminal in raw mode until it is done; `initial` is already typed.
  func read(prompt: String, initial: String) -> Outcome {
    guard RawMode.enable(input) else { return fallbackRead() }
    defer { RawMode.disable(input) }
    self.prompt = prompt
    buffer = Array(initial)
    cursor = buffer.count
    historyIndex = history.count
    editedLine = buffer
    lastKeyWasTab = false
    redraw()
    while true {
      guard let key = nextKey() else {
        write("\r\n")
        return .endOfInput
      }
      if case .resize = key { return .resized(String(buffer)) }
      if let outcome = handle(key) { return outcome }
      redraw()
    }
  }

  /// Standard input is not a terminal after all: a plain line.
  private func fallbackRead() -> Outcome {
    readLine(strippingNewline: true).map { .line($0) } ?? .endOfInput
  }

  func remember(_ line: String) {
    guard !line.isEmpty, history.last != line else { return }
    history.append(line)
  }

  enum Key: Equatable {
    case character(Character)
    case control(UInt8)
    case escape(String)
    case resize
  }

  private func handle(_ key: Key) -> Outcome? {
    let wasTab = lastKeyWasTab
    lastKeyWasTab = false
    switch key {
    case .character(let character):
      insert([character])
    case .control(let byte):
      switch byte {
      case 0x0D, 0x0A:
        // The whole line stays on the screen, not the part that was in view (a pasted megabyte
        // shortened).
        let shown = Terminal.visible(String(buffer.prefix(Self.longestShown)))
        write("\r" + shownPrompt + shown + (buffer.count > Self.longestShown ? "…" : "") + "\u{1B}[K\r\n")
        return .line(String(buffer))
      case 0x03:
        write("^C\r\n")
        return .interrupted
      case 0x04:
        if buffer.isEmpty {
          write("\r\n")
          return .endOfInput
        }
        if cursor < buffer.count { buffer.remove(at: cursor) }
      case 0x01: cursor = 0
      case 0x05: cursor = buffer.count
      case 0x02: cursor = max(0, cursor - 1)
      case 0x06: cursor = min(buffer.count, cursor + 1)
      case 0x7F, 0x08:
        if cursor > 0 {
          buffer.remove(at: cursor - 1)
          cursor -= 1
        }
      case 0x0B:
        killed = Array(buffer[cursor...])
        buffer.removeSubrange(cursor...)
      case 0x15:
        killed = Array(buffer[..<cursor])
        buffer.removeSubrange(..<cursor)
        cursor = 0
      case 0x17:
        let start = wordStart(before: cursor)
        killed = Array(buffer[start..<cursor])
        buffer.removeSubrange(start..<cursor)
        cursor = start
      case 0x19: insert(killed)
      case 0x10: recall(-1)
      case 0x0E: recall(1)
      case 0x0C: write("\u{1B}[H\u{1B}[2J")
      case 0x09:
        completeWord(listing: wasTab)
        lastKeyWasTab = true
      case 0x16:
        // Ctrl-V: the next byte goes in as it is.
        if let byte = nextByte() { insert([Character(UnicodeScalar(byte))]) }
      default:
        insert([Character(UnicodeScalar(byte))])
      }
    case .escape(let sequence):
      switch sequence {
      case "[A", "OA": recall(-1)
      case "[B", "OB": recall(1)
      case "[C", "OC": cursor = min(buffer.count, cursor + 1)
      case "[D", "OD": cursor = max(0, cursor - 1)
      case "[H", "OH", "[1~", "[7~": cursor = 0
      case "[F", "OF", "[4~", "[8~": cursor = buffer.count
      case "[3~":
        if cursor < buffer.count { buffer.remove(at: cursor) }
      case "b", "[1;5D", "[1;3D": cursor = wordStart(before: cursor)
      case "f", "[1;5C", "[1;3C": cursor = wordEnd(after: cursor)
      case "d":
        let end = wordEnd(after: cursor)
        killed = Array(buffer[cursor..<end])
        buffer.removeSubrange(cursor..<end)
      case "\u{7F}":
        let start = wordStart(before: cursor)
        killed = Array(buffer[start..<cursor])
        buffer.removeSubrange(start..<cursor)
        cursor = start
      default:
        // Not a key: the sequence is text, shown for what it is.
        insert(Array("\u{1B}" + sequence))
      }
    case .resize:
      break
    }
    return nil
  }

  private func insert(_ characters: [Character]) {
    buffer.insert(contentsOf: characters, at: cursor)
    cursor += characters.count
  }

  private func recall(_ step: Int) {
    let target = historyIndex + step
    guard target >= 0, target <= history.count else { return }
    if historyIndex == history.count { editedLine = buffer }
    historyIndex = target
    buffer = target == history.count ? editedLine : Array(history[target])
    cursor = buffer.count
  }

  private func wordStart(before position: Int) -> Int {
    var index = position
    while index > 0, buffer[index - 1] == " " { index -= 1 }
    while index > 0, buffer[index - 1] != " " { index -= 1 }
    return index
  }

  private func wordEnd(after position: Int) -> Int {
    var index = position
    while index < buffer.count, buffer[index] == " " { index += 1 }
    while index < buffer.count, buffer[index] != " " { index += 1 }
    return index
  }

  /// Completes the word before the cursor: alone, the candidate and a space; several, as far as
  /// they agree, and listed below the line at the second Tab.
  private func completeWord(listing: Bool) {
    let before = String(buffer[..<cursor])
    let partial = before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    let candidates = complete(before)
    guard !candidates.isEmpty else { return }
    if candidates.count == 1 {
      insert(Array(candidates[0].dropFirst(partial.count)) + [" "])
      return
    }
    let common = candidates.dropFirst().reduce(candidates[0]) { prefix, word in
      String(zip(prefix, word).prefix { $0 == $1 }.map(\.0))
    }
    if common.count > partial.count {
      insert(Array(common.dropFirst(partial.count)))
    } else if listing {
      let shown = candidates.prefix(60).map { Terminal.visible($0) }
      write("\r\n" + shown.joined(separator: "  ") + (candidates.count > 60 ? "  …" : "") + "\r\n")
    }
  }

  /// The prompt and the part of the line around the cursor, on one row.
  /// The page's prompt, or `$ ` when it would take more than half the row.
  private var shownPrompt: String { prompt.count > columns / 2 ? "$ " : prompt }

  private func redraw() {
    let prompt = shownPrompt
    let room = max(1, columns - prompt.count - 1)
    // Each character as the terminal will see it: control characters as ^X.
    let cursorOffset = shownWidth(buffer[..<cursor])
    let start = cursorOffset < room ? 0 : cursorOffset - room + room / 4
    var line = ""
    var column = 0
    var cursorAt = 0
    var index = 0
    // Skip to the first shown character without building what is off screen.
    if start > 0 {
      while index < buffer.count, column < start {
        column += Terminal.visible(String(buffer[index])).count
        index += 1
      }
    }
    let firstShown = column
    while index < buffer.count {
      let shown = Terminal.visible(String(buffer[index]))
      if column - firstShown + shown.count > room { break }
      if index == cursor { cursorAt = column - firstShown }
      line += shown
      column += shown.count
      index += 1
    }
    if cursor >= index { cursorAt = column - firstShown }
    let cursorColumn = prompt.count + cursorAt
    write("\r" + prompt + line + "\u{1B}[K\r" + (cursorColumn > 0 ? "\u{1B}[\(cursorColumn)C" : ""))
  }

  private func shownWidth(_ characters: ArraySlice<Character>) -> Int {
    characters.reduce(0) { $0 + (Terminal.isControl($1.unicodeScalars.first!) ? ($1.unicodeScalars.first!.value < 0x80 ? 2 : 8) : 1) }
  }

  private func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { Foundation.write(output, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  // MARK: reading keys

  /// The next byte typed; `nil` at the end of input. A resize while waiting is a byte of its own
  /// kind: see ``nextKey()``.
  private var resized = false

  private func nextByte() -> UInt8? {
    while true {
      var descriptors = [pollfd(fd: input, events: Int16(POLLIN), revents: 0)]
      if RawMode.resizePipe.read >= 0 { descriptors.append(pollfd(fd: RawMode.resizePipe.read, events: Int16(POLLIN), revents: 0)) }
      let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if descriptors.count > 1, descriptors[1].revents & Int16(POLLIN) != 0 {
        var drain = [UInt8](repeating: 0, count: 64)
        _ = Foundation.read(RawMode.resizePipe.read, &drain, drain.count)
        resized = true
        return nil
      }
      var byte: UInt8 = 0
      let count = Foundation.read(input, &byte, 1)
      if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      return count == 1 ? byte : nil
    }
  }

  /// The next key: a character (UTF-8 decoded), a control byte, or an escape sequence.
  private func nextKey() -> Key? {
    resized = false
    guard let byte = nextByte() else { return resized ? .resize : nil }
    if byte == 0x1B {
      guard let next = nextByteSoon() else { return .control(byte) }
      if next == UInt8(ascii: "[") || next == UInt8(ascii: "O") {
        var sequence = String(UnicodeScalar(next))
        // A CSI sequence ends with a byte from @ to ~.
        while let part = nextByteSoon() {
          sequence.unicodeScalars.append(UnicodeScalar(part))
          if (0x40...0x7E).contains(part) && (sequence.count > 1) { break }
          if sequence.count > 16 { break }
        }
        return .escape(sequence)
      }
      return .escape(String(UnicodeScalar(next)))
    }
    if byte < 0x20 || byte == 0x7F { return .control(byte) }
    guard byte >= 0x80 else { return .character(Character(UnicodeScalar(byte))) }
    // UTF-8: the lead byte says how many follow.
    let count = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
    var bytes = [byte]
    for _ in 0..<count {
      guard let next = nextByteSoon() else { break }
      bytes.append(next)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    return text.first.map { .character($0) } ?? .character("\u{FFFD}")
  }

  /// A byte that follows at once (part of a sequence); `nil` when none comes within 50 ms.
  private func nextByteSoon() -> UInt8? {
    var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, 50) > 0 else { return nil }
    var byte: UInt8 = 0
    return Foundation.read(input, &byte, 1) == 1 ? byte : nil
  }
}

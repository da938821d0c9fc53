import Foundation

/// The lines a learner typed on a page, kept between sessions in the user's state directory
/// (`$XDG_STATE_HOME/walkthrough/history/`, `~/.local/state/...` by default), a file per page.
/// History is a convenience: a directory that cannot be made or a file that cannot be written
/// leaves the session without it, and says nothing.
public struct TutorHistory {
  public let file: String?
  static let limit = 1_000

  /// The history file of a page: its name and a hash of its absolute path.
  public static func file(
    for page: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    let state =
      environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
      ?? environment["HOME"].map { $0 + "/.local/state" }
    guard let state else { return nil }
    let path = URL(fileURLWithPath: page).standardizedFileURL.path
    // FNV-1a: a stable name for the path, the same on every run.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let name = (path as NSString).lastPathComponent.filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    return "\(state)/walkthrough/history/\(name)-\(String(hash, radix: 16)).history"
  }

  public init(file: String?) {
    self.file = file
  }

  /// The lines kept, oldest first (the newest ``limit``).
  func load() -> [String] {
    guard let file, let data = FileManager.default.contents(atPath: file) else { return [] }
    return Array(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).suffix(Self.limit))
  }

  /// Writes the lines, the newest ``limit`` of them.
  func save(_ lines: [String]) {
    guard let file else { return }
    let directory = (file as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let kept = lines.suffix(Self.limit)
    try? Data(kept.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
  }
}

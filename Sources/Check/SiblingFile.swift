import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A file beside one that is being replaced, named for its page and its process:
/// `.NAME.walkthrough-PID.tmp` (the new text, or what it swapped out) and
/// `.NAME.walkthrough-PID.old` (the page moved aside, where files cannot be exchanged). A process
/// killed before it is done leaves one behind; the next replacement in that directory removes it
/// once its process is gone (or an hour after it was last renamed, should its PID have been
/// reused), and puts an `.old` back where its page is missing.
struct SiblingFile {
  enum Kind: String, CaseIterable {
    case temporary = "tmp"
    case aside = "old"
  }

  /// Files left behind longer than this are abandoned, whatever their PID says.
  static let abandonedAfter: Int = 3600

  let path: String
  let device: UInt64
  let inode: UInt64

  /// The sibling of `target` of this kind for this process.
  static func path(beside target: String, _ kind: Kind) -> String {
    let directory = (target as NSString).deletingLastPathComponent
    let name = ".\((target as NSString).lastPathComponent).walkthrough-\(getpid()).\(kind.rawValue)"
    return directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
  }

  /// Writes `contents` to a new temporary file beside `target`, synced to disk, once what killed
  /// processes left there is removed; `prepare` gives it its owner and mode before it is closed.
  /// Nothing is left behind when this throws.
  init(
    beside target: String, contents: Data, mode: mode_t,
    prepare: (Int32) throws(SystemCallError) -> Void = { _ throws(SystemCallError) in }
  ) throws(SystemCallError) {
    let directory = (target as NSString).deletingLastPathComponent
    Self.removeAbandoned(in: directory.isEmpty ? "." : directory)
    path = Self.path(beside: target, .temporary)
    var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    if descriptor < 0 && errno == EEXIST {
      // Left by an earlier process that had this PID: this one never leaves its own behind.
      unlink(path)
      descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    }
    guard descriptor >= 0 else { throw SystemCallError("create \(path)") }
    var status = stat()
    do throws(SystemCallError) {
      defer { close(descriptor) }
      try SystemCall.writeAll(contents, to: descriptor, path: path)
      try prepare(descriptor)
      guard fsync(descriptor) == 0 else { throw SystemCallError("write \(path) to disk") }
      guard fstat(descriptor, &status) == 0 else { throw SystemCallError("inspect \(path)") }
    } catch {
      unlink(path)
      throw error
    }
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
  }

  /// Whether `path` still names this file.
  func isAt(_ path: String) -> Bool {
    guard let status = SystemCall.linkStatus(path) else { return false }
    return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
  }

  /// Removes what killed processes left in `directory`; puts a page that was moved aside back
  /// when nothing took its place. Best effort: a file that cannot be removed stays.
  static func removeAbandoned(in directory: String, now: Int = Int(time(nil))) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
    for name in names {
      guard let (page, pid, kind) = parse(name) else { continue }
      let path = (directory as NSString).appendingPathComponent(name)
      guard let status = SystemCall.linkStatus(path), status.st_mode & S_IFMT == S_IFREG else { continue }
      // The change time moves when the file is renamed or exchanged, unlike its modification time.
      guard !isAlive(pid) || now - changeTime(status) > abandonedAfter else { continue }
      if kind == .aside {
        let pagePath = (directory as NSString).appendingPathComponent(page)
        if SystemCall.linkStatus(pagePath) == nil { link(path, pagePath) }
      }
      unlink(path)
    }
  }

  /// The page's name, the PID and the kind in `.NAME.walkthrough-PID.KIND`.
  static func parse(_ name: String) -> (page: String, pid: pid_t, kind: Kind)? {
    guard name.hasPrefix("."), let marker = name.range(of: ".walkthrough-", options: .backwards) else { return nil }
    let rest = name[marker.upperBound...].split(separator: ".", omittingEmptySubsequences: false)
    guard rest.count == 2, let kind = Kind(rawValue: String(rest[1])), rest[0].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let pid = pid_t(rest[0]), pid > 0
    else { return nil }
    let page = name[name.index(after: name.startIndex)..<marker.lowerBound]
    guard !page.isEmpty else { return nil }
    return (String(page), pid, kind)
  }

  private static func changeTime(_ status: stat) -> Int {
    #if canImport(Darwin)
      Int(status.st_ctimespec.tv_sec)
    #else
      Int(status.st_ctim.tv_sec)
    #endif
  }

  private static func isAlive(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }
}

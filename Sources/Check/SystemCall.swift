import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A system call that failed: what was being done, and the system's word for why.
struct SystemCallError: Error, CustomStringConvertible {
  var action: String
  var code: Int32

  /// The failure of the call that just returned, from `errno`.
  init(_ action: String, code: Int32 = errno) {
    self.action = action
    self.code = code
  }

  var description: String { "cannot \(action) (\(String(cString: strerror(code))))" }
}

/// The few file operations replacing a file needs, each reporting `errno` as it failed.
enum SystemCall {
  /// The whole content of the file at `path`.
  static func contents(of path: String) throws(SystemCallError) -> Data {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw SystemCallError("open \(path)") }
    defer { close(descriptor) }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw SystemCallError("read \(path)")
      }
      if count == 0 { return data }
      data.append(contentsOf: buffer[..<count])
    }
  }

  /// Writes all of `data` to `descriptor`.
  static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(SystemCallError) {
    var written = 0
    while written < data.count {
      let count = data.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
      if count < 0 {
        if errno == EINTR { continue }
        throw SystemCallError("write \(path)")
      }
      written += count
    }
  }

  /// `path`, or the file its symbolic links lead to: a file replaced through a link stays
  /// behind the link.
  static func followingLinks(_ path: String) throws(SystemCallError) -> String {
    guard let status = linkStatus(path), status.st_mode & S_IFMT == S_IFLNK else { return path }
    guard let resolved = realpath(path, nil) else { throw SystemCallError("follow the symbolic link") }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// What `path` names, without following a final symbolic link.
  static func linkStatus(_ path: String) -> stat? {
    var status = stat()
    return lstat(path, &status) == 0 ? status : nil
  }
}

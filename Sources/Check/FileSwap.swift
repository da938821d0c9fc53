import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Exchanges two files atomically: each path names the other's file after, and at no moment
/// does either path name nothing or the same file as the other.
enum FileSwap {
  /// 0, or the `errno` of the failure: `EINVAL`, `ENOSYS` or `ENOTSUP` when the file system
  /// or the kernel cannot exchange files.
  static func exchange(_ first: String, _ second: String) -> Int32 {
    #if os(Linux)
      guard let renameat2 else { return ENOSYS }
      return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 ? 0 : errno
    #elseif canImport(Darwin)
      return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 ? 0 : errno
    #else
      return ENOSYS
    #endif
  }

  /// Whether `code`, from ``exchange(_:_:)``, says that files cannot be exchanged here at all.
  static func isUnsupported(_ code: Int32) -> Bool {
    [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(code)
  }

  #if os(Linux)
    /// `RENAME_EXCHANGE` of `<linux/fs.h>`.
    private static let renameExchange: UInt32 = 1 << 1

    /// glibc (2.28 and later) declares `renameat2` only under `_GNU_SOURCE`, which Swift's Glibc
    /// module is not built with, and `syscall` is variadic: the function is found by name.
    private static let renameat2 = dlsym(nil, "renameat2").map {
      unsafeBitCast(
        $0, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }
  #endif
}

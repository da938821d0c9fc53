import CCmarkGFM
import Foundation

/// The allocator the reader gives cmark-gfm: the system's, counting the bytes that the parse
/// running on the calling thread holds, so that the reader can stop a page whose blocks would
/// take more memory than ``PageLimits/markdownBlockMemory`` before they take it. Each block
/// carries its size in a 16-byte header.
enum CmarkMemory {
  nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
    let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
    allocator.initialize(
      to: cmark_mem(
        calloc: { CmarkMemory.allocateZeroed($0, $1) },
        realloc: { CmarkMemory.reallocate($0, $1) },
        free: { CmarkMemory.release($0) }
      ))
    return allocator
  }()

  /// Runs `body` with the bytes cmark-gfm holds for this thread counted in the counter it gets.
  static func counting<Result>(_ body: (UnsafeMutablePointer<Int>) throws(PageLimitError) -> Result)
    throws(PageLimitError) -> Result
  {
    let counter = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    counter.initialize(to: 0)
    pthread_setspecific(counterKey, counter)
    defer {
      pthread_setspecific(counterKey, nil)
      counter.deallocate()
    }
    return try body(counter)
  }

  private static let headerSize = 16
  private static let counterKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  private static func count(_ bytes: Int) {
    pthread_getspecific(counterKey)?.assumingMemoryBound(to: Int.self).pointee += bytes
  }

  /// The block behind a pointer handed to cmark-gfm, and the size it was asked for.
  private static func header(of pointer: UnsafeMutableRawPointer) -> (UnsafeMutableRawPointer, Int) {
    let base = pointer - headerSize
    return (base, base.load(as: Int.self))
  }

  private static func handOut(_ base: UnsafeMutableRawPointer?, size: Int) -> UnsafeMutableRawPointer {
    // cmark-gfm's own allocator aborts too: it never checks for a failed allocation.
    guard let base else { fatalError("cmark-gfm: out of memory") }
    base.storeBytes(of: size, as: Int.self)
    count(size)
    return base + headerSize
  }

  private static func allocateZeroed(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
    guard !overflow else { fatalError("cmark-gfm: allocation size overflows") }
    return handOut(calloc(1, bytes + headerSize), size: bytes)
  }

  private static func reallocate(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer {
    guard let pointer else { return handOut(malloc(size + headerSize), size: size) }
    let (base, old) = header(of: pointer)
    count(-old)
    return handOut(realloc(base, size + headerSize), size: size)
  }

  private static func release(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer else { return }
    let (base, size) = header(of: pointer)
    count(-size)
    free(base)
  }
}

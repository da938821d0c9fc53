import Foundation
import Synchronization

/// `check: 12/40 pages` on standard error, redrawn as pages are done, when standard error is a
/// terminal and there are more than a few pages: never in captured output, never for a run that
/// ends before anyone could read it.
final class ProgressLine: Sendable {
  /// Up to this many pages, no progress is shown.
  static let fewPages = 5

  let label: String
  let total: Int
  let isShown: Bool
  private let done = Mutex(0)
  private let write: @Sendable (String) -> Void

  init(
    _ label: String, total: Int, isTerminal: Bool = isatty(STDERR_FILENO) == 1,
    write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write($0) }
  ) {
    self.label = label
    self.total = total
    isShown = isTerminal && total > Self.fewPages
    self.write = write
  }

  /// The line for `count` pages done.
  func text(_ count: Int) -> String {
    "\(label): \(count)/\(total) pages"
  }

  /// Counts a page done; `output`, what the page prints, goes out with the line cleared first so
  /// that the two never mix.
  func pageDone(printing output: () -> Void = {}) {
    guard isShown else { return output() }
    done.withLock { count in
      count += 1
      write("\r\u{1B}[K")
      output()
      write(count < total ? text(count) : "")
    }
  }

  /// Clears the line, as the run ends.
  func finish() {
    if isShown { write("\r\u{1B}[K") }
  }
}

import Documents
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a page's new text in place of its old one, whole or not at all, and never over an edit
/// saved since the page was read.
///
/// The text goes to a temporary file beside the page (beside its target, for a symbolic link)
/// with the page's owner, group and permissions; the two are then exchanged atomically, and what
/// the exchange took out of the page must be the text the page was read from. An editor's save
/// that landed in between (a new file renamed over the page) is what was taken out: it is put
/// back, and the page reported as changed. Where the file system cannot exchange files, the page
/// is moved aside and the new file linked in its place, which fails when a save took the name
/// meanwhile: the page is missing for that moment, but no save is lost.
///
/// A read-only page, a page with other hard links (which a new file would part from it) and a
/// page whose owner and group the new file cannot keep are refused.
public enum PageWriter {
  /// - Parameter original: the text the page was read from, which it must still hold.
  public static func replace(_ file: String, original: String, with text: String) throws(DocumentError) {
    try PageReplacement(file: file).replace(original: Data(original.utf8), with: Data(text.utf8))
  }
}

/// One page's replacement, with seams where tests act as an editor saving at the worst moments.
struct PageReplacement {
  enum Moment {
    /// The new text is written beside the page, which was checked to be as read.
    case beforeSwap
    /// The new text took the page's place; what it took out is not checked yet.
    case afterSwap
  }

  var file: String
  var at: (Moment) -> Void = { _ in }
  /// `false` acts as a file system that cannot exchange files.
  var canExchange = true

  private var changed: DocumentError {
    DocumentError(file: file, reason: "the file changed since it was read; not overwritten")
  }

  private func failure(_ reason: String) -> DocumentError {
    DocumentError(file: file, reason: reason)
  }

  func replace(original: Data, with text: Data) throws(DocumentError) {
    let target: String
    do {
      target = try SystemCall.followingLinks(file)
    } catch {
      throw failure("\(error); not rewritten")
    }
    let status = try writableStatus(of: target)
    guard (try? SystemCall.contents(of: target)) == original else { throw changed }
    let new: SiblingFile
    do {
      new = try SiblingFile(beside: target, contents: text, mode: 0o600) { descriptor throws(SystemCallError) in
        guard fchown(descriptor, status.st_uid, status.st_gid) == 0 else {
          throw SystemCallError("give the new file the page's owner and group")
        }
        guard fchmod(descriptor, status.st_mode & 0o7777) == 0 else {
          throw SystemCallError("give the new file the page's permissions")
        }
      }
    } catch {
      throw failure("\(error); not rewritten")
    }
    at(.beforeSwap)
    let code = canExchange ? FileSwap.exchange(new.path, target) : EINVAL
    switch code {
    case 0:
      try settleExchange(of: new, with: target, original: original)
    case _ where FileSwap.isUnsupported(code):
      try replaceByLink(target, with: new, original: original)
    default:
      unlink(new.path)
      throw failure("\(SystemCallError("replace the file", code: code)); not rewritten")
    }
  }

  /// The target's status, once it is known that the page may be replaced.
  private func writableStatus(of target: String) throws(DocumentError) -> stat {
    var status = stat()
    guard stat(target, &status) == 0 else { throw failure("\(SystemCallError("read the file again")); not rewritten") }
    guard status.st_mode & S_IFMT == S_IFREG else { throw failure("not a regular file; not rewritten") }
    // Even for root, who may write anything: the mode is the owner's word.
    guard status.st_mode & 0o222 != 0 else {
      throw failure("the file is read-only (mode \(String(format: "%04o", status.st_mode & 0o7777))); not rewritten")
    }
    guard access(target, W_OK) == 0 else { throw failure("\(SystemCallError("write the file")); not rewritten") }
    guard status.st_nlink == 1 else {
      throw failure(
        "the file has \(status.st_nlink) hard links, which a new file would part from it; not rewritten (break them with cp, or update a copy)"
      )
    }
    return status
  }

  /// After the exchange, `new.path` names what was the page: the text as read, or an edit saved
  /// since, which goes back.
  private func settleExchange(of new: SiblingFile, with target: String, original: Data) throws(DocumentError) {
    at(.afterSwap)
    if (try? SystemCall.contents(of: new.path)) == original {
      unlink(new.path)
      return
    }
    let code = FileSwap.exchange(new.path, target)
    guard code == 0 else {
      let kept = keep(new.path, beside: target)
      throw failure(
        "the file changed while it was written and could not be put back (\(String(cString: strerror(code)))); the edit is kept as \(kept)"
      )
    }
    // What came back is the new text, unless yet another save took the page's name meanwhile.
    guard new.isAt(new.path) else {
      let kept = keep(new.path, beside: target)
      throw failure("the file changed twice while it was written; not overwritten, the later save is kept as \(kept)")
    }
    unlink(new.path)
    throw changed
  }

  /// Replaces the page where files cannot be exchanged: the page is moved aside and the new file
  /// linked to its name, which fails when a save took the name meanwhile.
  private func replaceByLink(_ target: String, with new: SiblingFile, original: Data) throws(DocumentError) {
    let aside = SiblingFile.path(beside: target, .aside)
    guard link(new.path, aside) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(new.path)
      throw failure("the file system can neither exchange two files nor link one (\(reason)); not rewritten")
    }
    unlink(aside)
    guard rename(target, aside) == 0 else {
      let error = SystemCallError("move the file aside")
      unlink(new.path)
      throw failure("\(error); not rewritten")
    }
    at(.afterSwap)
    let asRead = (try? SystemCall.contents(of: aside)) == original
    let put = link(asRead ? new.path : aside, target) == 0
    let code = errno
    unlink(new.path)
    switch (asRead, put) {
    case (true, true):
      unlink(aside)
    case (true, false) where code == EEXIST:
      // A save took the name meanwhile: it stays, and what was moved aside was the text as read.
      unlink(aside)
      throw changed
    case (true, false):
      guard link(aside, target) == 0 else {
        throw failure("\(SystemCallError("put the file back", code: code)); it is kept as \(keep(aside, beside: target))")
      }
      unlink(aside)
      throw failure("\(SystemCallError("link the new file in place", code: code)); not rewritten")
    case (false, true):
      unlink(aside)
      throw changed
    case (false, false) where code == EEXIST:
      throw failure("the file changed twice while it was written; not overwritten, the earlier save is kept as \(keep(aside, beside: target))")
    case (false, false):
      throw failure(
        "the file changed while it was written and could not be put back (\(String(cString: strerror(code)))); the edit is kept as \(keep(aside, beside: target))"
      )
    }
  }

  /// Gives a file that may hold someone's edit a name the next run will not take for its own
  /// leftovers: `NAME.walkthrough-PID.kept` beside the page.
  private func keep(_ path: String, beside target: String) -> String {
    let kept = "\(target).walkthrough-\(getpid()).kept"
    guard SystemCall.linkStatus(kept) == nil, rename(path, kept) == 0 else { return path }
    return kept
  }
}

import Documents
import Foundation
import Testing

@testable import Check
import TestScratch

/// Pages are replaced whole, keep their owner, group and permissions, and are never written over
/// someone else's edit, whenever it is saved.
@Suite struct PageWriterTests {
  /// A page alone in a directory of its own, so that the test can see what is left beside it.
  func temporaryPage(_ text: String, named name: String = "page.rst") throws -> String {
    let directory = try Scratch.directory()
    let path = directory.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func text(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  func siblings(of path: String) throws -> [String] {
    let name = (path as NSString).lastPathComponent
    return try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
      .filter { $0 != name }.sorted()
  }

  /// Saves the page as editors do: a new file, renamed over the page.
  func save(_ text: String, to path: String) {
    let swap = path + ".swp"
    FileManager.default.createFile(atPath: swap, contents: Data(text.utf8))
    rename(swap, path)
  }

  var changed: (String) -> DocumentError {
    { DocumentError(file: $0, reason: "the file changed since it was read; not overwritten") }
  }

  @Test func replacesThePageAndKeepsItsPermissions() throws {
    let path = try temporaryPage("old\n")
    chmod(path, 0o640)
    try PageWriter.replace(path, original: "old\n", with: "new\n")
    #expect(try text(path) == "new\n")
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
    #expect(try siblings(of: path).isEmpty)
  }

  @Test func refusesAPageThatChangedSinceItWasRead() throws {
    let path = try temporaryPage("edited by someone\n")
    #expect(throws: changed(path)) {
      try PageWriter.replace(path, original: "as read\n", with: "new\n")
    }
    #expect(try text(path) == "edited by someone\n")
  }

  @Test(arguments: [true, false])
  func anEditSavedJustBeforeTheSwapIsPutBack(canExchange: Bool) throws {
    let path = try temporaryPage("old\n")
    var writer = PageReplacement(file: path)
    writer.canExchange = canExchange
    writer.at = { if $0 == .beforeSwap { save("edited\n", to: path) } }
    #expect(throws: changed(path)) { try writer.replace(original: Data("old\n".utf8), with: Data("new\n".utf8)) }
    #expect(try text(path) == "edited\n")
    #expect(try siblings(of: path).isEmpty)
  }

  /// After the swap, the editor's save replaces the new text, as it would have replaced the old.
  @Test func anEditSavedJustAfterTheSwapStays() throws {
    let path = try temporaryPage("old\n")
    var writer = PageReplacement(file: path)
    writer.at = { if $0 == .afterSwap { save("edited\n", to: path) } }
    try writer.replace(original: Data("old\n".utf8), with: Data("new\n".utf8))
    #expect(try text(path) == "edited\n")
    #expect(try siblings(of: path).isEmpty)
  }

  /// Where files cannot be exchanged, the page's name is empty for a moment: a save that takes
  /// it stays.
  @Test func anEditSavedWhileThePageIsMovedAsideStays() throws {
    let path = try temporaryPage("old\n")
    var writer = PageReplacement(file: path)
    writer.canExchange = false
    writer.at = { if $0 == .afterSwap { save("edited\n", to: path) } }
    #expect(throws: changed(path)) { try writer.replace(original: Data("old\n".utf8), with: Data("new\n".utf8)) }
    #expect(try text(path) == "edited\n")
    #expect(try siblings(of: path).isEmpty)
  }

  @Test func withoutExchangeThePageIsStillReplaced() throws {
    let path = try temporaryPage("old\n")
    chmod(path, 0o640)
    var writer = PageReplacement(file: path)
    writer.canExchange = false
    try writer.replace(original: Data("old\n".utf8), with: Data("new\n".utf8))
    #expect(try text(path) == "new\n")
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
    #expect(try siblings(of: path).isEmpty)
  }

  /// Two saves: one before the swap, one after. Neither is lost: the page keeps the first, the
  /// second is kept beside it, and the error says where.
  @Test func twoSavesAroundTheSwapAreBothKept() throws {
    let path = try temporaryPage("old\n")
    var writer = PageReplacement(file: path)
    writer.at = { moment in save(moment == .beforeSwap ? "first\n" : "second\n", to: path) }
    let kept = "\(path).walkthrough-\(getpid()).kept"
    #expect(
      throws: DocumentError(
        file: path, reason: "the file changed twice while it was written; not overwritten, the later save is kept as \(kept)")
    ) { try writer.replace(original: Data("old\n".utf8), with: Data("new\n".utf8)) }
    #expect(try text(path) == "first\n")
    #expect(try text(kept) == "second\n")
    #expect(try siblings(of: path) == [(kept as NSString).lastPathComponent])
  }

  @Test func writesThroughASymbolicLinkToItsTarget() throws {
    let target = try temporaryPage("old\n", named: "target.rst")
    let link = ((target as NSString).deletingLastPathComponent as NSString).appendingPathComponent("page.rst")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.rst")
    try PageWriter.replace(link, original: "old\n", with: "new\n")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.rst")
    #expect(try text(target) == "new\n")
    #expect(try siblings(of: target) == ["page.rst"])
  }

  @Test func refusesAReadOnlyPageEvenAsRoot() throws {
    let path = try temporaryPage("old\n")
    chmod(path, 0o444)
    #expect(throws: DocumentError(file: path, reason: "the file is read-only (mode 0444); not rewritten")) {
      try PageWriter.replace(path, original: "old\n", with: "new\n")
    }
    #expect(try text(path) == "old\n")
  }

  /// A new file would leave the other names with the old text: the page is refused instead.
  @Test func refusesAPageWithOtherHardLinks() throws {
    let path = try temporaryPage("old\n")
    let other = path + ".other"
    link(path, other)
    #expect(
      throws: DocumentError(
        file: path,
        reason: "the file has 2 hard links, which a new file would part from it; not rewritten (break them with cp, or update a copy)"
      )
    ) { try PageWriter.replace(path, original: "old\n", with: "new\n") }
    #expect(try text(path) == "old\n")
    #expect(try text(other) == "old\n")
  }

  @Test(.enabled(if: geteuid() == 0, "giving a file away takes root"))
  func keepsThePagesOwnerAndGroup() throws {
    let path = try temporaryPage("old\n")
    chown(path, 1234, 5678)
    chmod(path, 0o664)
    try PageWriter.replace(path, original: "old\n", with: "new\n")
    var status = stat()
    stat(path, &status)
    #expect(status.st_uid == 1234 && status.st_gid == 5678 && status.st_mode & 0o7777 == 0o664)
    #expect(try text(path) == "new\n")
  }

  /// A process killed mid-write leaves its files behind; the next write in the directory removes
  /// those whose process is gone, or that are older than the bound, and puts back a page that
  /// was moved aside and not replaced.
  @Test func removesWhatKilledProcessesLeftBehind() throws {
    let path = try temporaryPage("old\n")
    let directory = (path as NSString).deletingLastPathComponent
    let gone = Int32.max - 1  // above any pid_max
    func leave(_ name: String, _ text: String = "left\n") {
      FileManager.default.createFile(atPath: (directory as NSString).appendingPathComponent(name), contents: Data(text.utf8))
    }
    leave(".page.rst.walkthrough-\(gone).tmp")
    leave(".other.rst.walkthrough-\(gone).tmp")
    leave(".lost.rst.walkthrough-\(gone).old", "the lost page\n")
    leave(".running.rst.walkthrough-1.tmp")
    leave("notes.walkthrough-\(gone).tmp")
    try PageWriter.replace(path, original: "old\n", with: "new\n")
    #expect(try siblings(of: path) == [".running.rst.walkthrough-1.tmp", "lost.rst", "notes.walkthrough-\(gone).tmp"])
    #expect(try text((directory as NSString).appendingPathComponent("lost.rst")) == "the lost page\n")
    // A minute past the bound: the file system's clock may stand a second ahead of time(), whose
    // clock is coarser, so a bound passed by one second can still look unreached.
    SiblingFile.removeAbandoned(in: directory, now: Int(time(nil)) + SiblingFile.abandonedAfter + 60)
    #expect(try siblings(of: path) == ["lost.rst", "notes.walkthrough-\(gone).tmp"])
  }

  /// The exchange itself, not the fallback, is what the tests above run where it exists.
  @Test(.enabled(if: FileSwap.exchange("/", "/") != ENOSYS, "the kernel or C library has no renameat2"))
  func exchangeSwapsTwoFiles() throws {
    let first = try temporaryPage("first\n")
    let second = try temporaryPage("second\n")
    #expect(FileSwap.exchange(first, second) == 0)
    #expect(try text(first) == "second\n")
    #expect(try text(second) == "first\n")
  }

  @Test func temporaryFilesNameTheirPageAndProcess() {
    #expect(SiblingFile.path(beside: "docs/page.rst", .temporary) == "docs/.page.rst.walkthrough-\(getpid()).tmp")
    #expect(SiblingFile.parse(".a.b.walkthrough-12.old")! == ("a.b", 12, .aside))
    #expect(SiblingFile.parse(".a.walkthrough-x.tmp") == nil)
    #expect(SiblingFile.parse("a.walkthrough-1.tmp") == nil)
  }
}

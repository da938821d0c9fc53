import Foundation

/// Why a page could not be read.
public struct DocumentError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var reason: String

  public init(file: String, line: Int? = nil, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  public var description: String {
    "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)"
  }
}

/// Finds pages on disk and reads them into walkthroughs.
public enum WalkthroughReader {
  /// Reads one page. The syntax comes from the file's extension unless `syntax` is given.
  public static func read(file: String, syntax: Syntax? = nil) throws(DocumentError) -> Walkthrough {
    try readKeepingText(file: file, syntax: syntax).walkthrough
  }

  /// Reads one page as ``read(file:syntax:)`` does, and keeps the text it was read from, for
  /// rewriting the page.
  public static func readKeepingText(file: String, syntax: Syntax? = nil) throws(DocumentError) -> (
    walkthrough: Walkthrough, text: String
  ) {
    guard let syntax = syntax ?? Syntax(pathExtension: (file as NSString).pathExtension) else {
      throw DocumentError(
        file: file, reason: "unknown page syntax: name it with --syntax rst or --syntax markdown")
    }
    let text = try decode(try PageFile.contents(of: file), file: file)
    return (try parseWithinLimits(text, file: file, syntax: syntax), text)
  }

  /// Reads a page's text. A text beyond the ``PageLimits`` reads as a page without blocks:
  /// ``read(file:syntax:)`` says which limit it exceeds.
  public static func parse(_ text: String, file: String, syntax: Syntax) -> Walkthrough {
    (try? parseWithinLimits(text, file: file, syntax: syntax)) ?? Walkthrough(file: file, syntax: syntax, blocks: [])
  }

  /// Reads a page's text, or says which of the ``PageLimits`` it exceeds.
  public static func parseWithinLimits(_ text: String, file: String, syntax: Syntax) throws(DocumentError)
    -> Walkthrough
  {
    do throws(PageLimitError) {
      guard text.utf8.count <= PageLimits.bytes else { throw PageLimitError(line: nil, reason: PageFile.tooLarge) }
      try PageLimits.checkLines(text)
      let content =
        switch syntax {
        case .rst: try RSTReader.read(text)
        case .markdown: try MarkdownReader.read(text)
        }
      return Walkthrough(file: file, syntax: syntax, blocks: content.blocks, directives: content.directives)
    } catch {
      throw DocumentError(file: file, line: error.line, reason: error.reason)
    }
  }

  /// The pages that `paths` name: files as given, directories searched (in name order, hidden
  /// entries skipped) for `.rst`, `.md` and `.markdown` files, or for every file when `syntax`
  /// is forced.
  public static func pages(in paths: [String], syntax: Syntax? = nil) throws(DocumentError) -> [String] {
    var pages: [String] = []
    let manager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw DocumentError(file: path, reason: "no such file or directory")
      }
      guard isDirectory.boolValue else {
        pages.append(path)
        continue
      }
      guard let entries = manager.enumerator(atPath: path) else {
        throw DocumentError(file: path, reason: "cannot list the directory")
      }
      var found: [String] = []
      while let entry = entries.nextObject() as? String {
        let name = (entry as NSString).lastPathComponent
        if name.hasPrefix(".") {
          entries.skipDescendants()
          continue
        }
        let full = (path as NSString).appendingPathComponent(entry)
        var entryIsDirectory: ObjCBool = false
        _ = manager.fileExists(atPath: full, isDirectory: &entryIsDirectory)
        if !entryIsDirectory.boolValue,
          syntax != nil || Syntax(pathExtension: (name as NSString).pathExtension) != nil
        {
          found.append(full)
        }
      }
      pages += found.sorted()
    }
    return pages
  }

  /// The file's text; a byte that is not UTF-8 is an error naming its line.
  private static func decode(_ data: Data, file: String) throws(DocumentError) -> String {
    if let text = String(validating: data, as: UTF8.self) { return text }
    var line = 1
    var iterator = data.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar == "\n" { line += 1 }
      case .emptyInput:
        return String(decoding: data, as: UTF8.self)
      case .error:
        throw DocumentError(file: file, line: line, reason: "the file is not UTF-8 text")
      }
    }
  }
}

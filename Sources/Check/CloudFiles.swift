import Documents
import FakeCloud
import Synchronization

/// The cloud files pages name, each read once per check however many pages name it (reading
/// YAML cost more than running a page's commands).
public final class CloudFiles: Sendable {
  private let definitions = Mutex<[String: CloudDefinition]>([:])

  public init() {}

  /// The cloud of the file the page names, if it names one. A file that cannot be read is an
  /// error on the page's line that names it; an error in the file names the file's own line.
  func definition(for plan: PagePlan) throws(DocumentError) -> CloudDefinition? {
    guard let path = plan.cloudFile else { return nil }
    if let known = definitions.withLock({ $0[path] }) { return known }
    do {
      let definition = try CloudDefinition(contentsOfFile: path)
      definitions.withLock { $0[path] = definition }
      return definition
    } catch {
      if let cause = error.unreadable, let (page, line) = plan.cloudDirective {
        // A directive's text runs on over the lines of its comment that follow it.
        let hint = path.contains(" ") ? "; are the comment's next lines part of the directive?" : ""
        throw DocumentError(file: page, line: line, reason: "cannot read the cloud file '\(error.file)' (\(cause))\(hint)")
      }
      throw DocumentError(file: error.file, line: error.line, reason: error.reason)
    }
  }
}

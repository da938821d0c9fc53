import Documents
import FakeCloud
import Synchronization

/// The cloud files pages name, each read once per check however many pages name it (reading
/// YAML cost more than running a page's commands).
public final class CloudFiles: Sendable {
  private let definitions = Mutex<[String: CloudDefinition]>([:])

  public init() {}

  func definition(at path: String) throws(DocumentError) -> CloudDefinition {
    if let known = definitions.withLock({ $0[path] }) { return known }
    do {
      let definition = try CloudDefinition(contentsOfFile: path)
      definitions.withLock { $0[path] = definition }
      return definition
    } catch {
      throw DocumentError(file: error.file, line: error.line, reason: error.reason)
    }
  }
}

/// The limits set through the quota APIs: each project's own, and the quota classes' (Nova and
/// Cinder; Neutron has none), of which only `default` is read: it replaces a table's defaults.
struct QuotaState {
  private var projectLimits: [QuotaService: [String: [String: Int]]] = [:]
  private var classLimits: [QuotaService: [String: [String: Int]]] = [:]

  func projectLimit(_ service: QuotaService, _ project: String, _ name: String) -> Int? {
    projectLimits[service]?[project]?[name]
  }

  func classLimit(_ service: QuotaService, _ quotaClass: String, _ name: String) -> Int? {
    classLimits[service]?[quotaClass]?[name]
  }

  /// Whether the project has any limit of its own (`quota list` shows only those).
  func hasLimits(_ service: QuotaService, _ project: String) -> Bool {
    !(projectLimits[service]?[project]?.isEmpty ?? true)
  }

  mutating func setProjectLimit(_ service: QuotaService, _ project: String, _ name: String, _ limit: Int) {
    projectLimits[service, default: [:]][project, default: [:]][name] = limit
  }

  mutating func setClassLimit(_ service: QuotaService, _ quotaClass: String, _ name: String, _ limit: Int) {
    classLimits[service, default: [:]][quotaClass, default: [:]][name] = limit
  }

  /// `quota delete`: the project back on the defaults.
  mutating func removeProjectLimits(_ service: QuotaService, _ project: String) {
    projectLimits[service]?[project] = nil
  }
}

/// A quota as a service reports it: its limit and what the project uses.
struct QuotaFigure {
  let name: String
  let limit: Int
  let inUse: Int
}

extension CloudState {
  /// The quota's value in a class: the class's own, else the `default` class's, else the
  /// table's.
  func quotaDefault(_ service: QuotaService, _ resource: QuotaResource, quotaClass: String = "default") -> Int {
    quotas.classLimit(service, quotaClass, resource.name) ?? quotas.classLimit(service, "default", resource.name)
      ?? resource.defaultLimit
  }

  /// Every quota of the service for the project, in the service's order.
  func quotaFigures(_ service: QuotaService, project: String) -> [QuotaFigure] {
    QuotaTables.resources(service, in: self).map { resource in
      QuotaFigure(
        name: resource.name, limit: quotas.projectLimit(service, project, resource.name) ?? quotaDefault(service, resource),
        inUse: resource.usage(self, project))
    }
  }

  /// The quotas that `deltas` more would exceed, sorted by name as the quota engines report
  /// them; empty when the create may go on.
  func quotaOvers(_ service: QuotaService, project: String, _ deltas: [(name: String, amount: Int)]) -> [QuotaFigure] {
    let figures = quotaFigures(service, project: project)
    return deltas.compactMap { delta in
      guard delta.amount > 0, let figure = figures.first(where: { $0.name == delta.name }), figure.limit >= 0,
        figure.inUse > figure.limit - delta.amount  // not `inUse + amount`, which a huge request overflows
      else { return nil }
      return figure
    }.sorted { $0.name < $1.name }
  }
}

import Documents
import FakeCloud

/// Whether a page was written by the cloud's admin: operators' guides show `volume qos create` or
/// `network create --provider-network-type vlan` succeeding, and rarely say whose credentials they
/// use. Run as the default user, such a page fails at its first admin-only command, and every
/// later command that needs what it would have made. A page is run again as the admin when,
/// run as the default user, a command was refused for want of a role (a 403 from a policy) and
/// - the page shows no refusal there (a page that shows the 403 shows it on purpose),
/// - nothing chose credentials before it (no `source`/`.`/`export`/`unset` of them, no `env`
///   directive or `--env` of an `OS_` variable, no `--os-` option on the line),
/// - and the admin's run fails fewer commands.
/// The admin's run is then the page's, with a note at the refused command; the tutor starts the
/// learner as the admin too.
enum AssumedAdmin {
  /// The step whose refusal shows that the page needs the admin, if the page may be run as one.
  static func refusedStep(in run: PageRun, _ walkthrough: Walkthrough, plan: PagePlan, settings: CheckSettings) -> Int? {
    guard !settings.environment.contains(where: { choosesCredentials($0.name) }) else { return nil }
    for (index, step) in walkthrough.steps.enumerated() {
      if plan.environment[index]?.contains(where: { choosesCredentials($0.name) }) == true { return nil }
      let command = step.command.command
      if setsCredentials(command) { return nil }
      guard case .failed(_, let message) = run.results[index].outcome, isRefusal(message) else { continue }
      if namesCredentials(command) || step.command.output.contains(where: isRefusal) { return nil }
      return index
    }
    return nil
  }

  /// The note at the refused step of a page run as the admin.
  static func note(line: Int, admin: String, user: String) -> String {
    "ran the page as the cloud's admin (\(admin)): as \(user), line \(line) is refused for want of a role, and the page does not say whose credentials it uses"
  }

  /// Whether the admin's run is the page's: it fails fewer commands.
  static func improves(_ run: PageRun, on memberRun: PageRun) -> Bool {
    failures(run) < failures(memberRun)
  }

  private static func failures(_ run: PageRun) -> Int {
    run.results.count { if case .failed = $0.outcome { true } else { false } }
  }

  /// A refusal by a service's policy, as the client prints it (Cinder, Nova and Manila's
  /// `Policy doesn't allow ...`, Neutron's `... is disallowed by policy`, Keystone's `You are not
  /// authorized ...`, Glance's 403 `Forbidden`).
  static func isRefusal(_ text: String) -> Bool {
    refusals.occur(in: text)
  }

  private static let refusals = CaseInsensitivePhrases([
    "policy doesn't allow", "disallowed by policy", "you are not authorized to perform", "403: client error",
    "(http 403)",
  ])

  /// An `OS_` variable but an API version (`OS_COMPUTE_API_VERSION` chooses no one).
  private static func choosesCredentials(_ variable: String) -> Bool {
    variable.hasPrefix("OS_") && !variable.hasSuffix("_API_VERSION")
  }

  /// A command line with a global option that may say whose credentials it uses (`--os-cloud`,
  /// `--os-username`...): any `--os-` option but an API version (`--os-compute-api-version=2.53`).
  private static func namesCredentials(_ command: String) -> Bool {
    command.split(separator: " ").contains { word in
      word.hasPrefix("--os-") && !(word.split(separator: "=", maxSplits: 1).first ?? word).hasSuffix("-api-version")
    }
  }

  /// `source admin-openrc`, `. openrc demo demo`, `export OS_CLOUD=...`, `unset OS_TOKEN`.
  private static func setsCredentials(_ command: String) -> Bool {
    let words = command.split(separator: " ", omittingEmptySubsequences: true)
    guard let program = words.first else { return false }
    switch program {
    case "source", ".": return true
    case "export", "unset":
      return words.dropFirst().contains { choosesCredentials(String($0.split(separator: "=", maxSplits: 1).first ?? $0)) }
    default: return false
    }
  }
}

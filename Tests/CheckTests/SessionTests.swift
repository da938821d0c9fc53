import CloudAPI
import Foundation
import Testing

@testable import Check
@testable import FakeCloud

@Suite struct SessionTests {
  static func golden(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Goldens/\(name)", withExtension: nil))
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// The golden is what the real python-openstackclient 10.5.0 printed for the same commands when
  /// fed the fake cloud's REST answers (`Scripts/osc-replay/compare-session.sh`).
  /// The Shared File Systems troubleshooting walkthrough runs the whole lifecycle: a share on
  /// `dhss_true` fails in the scheduler (message 001/008, no zone), one on `dhss_false` with a
  /// share network fails in the share manager (002/003, zone set), one without becomes
  /// available; deletes; the messages outlive their shares until deleted.
  /// A session runs against the default cloud, or the cloud file beside it (`NAME.cloud.yaml`).
  @Test(arguments: [
    "share-networks", "manila-troubleshooting", "options-errors-admin", "delete-failures", "wait", "widths-formats",
    "networks-and-columns", "compute-failed-resize", "compute-faults", "compute-flavors-images", "pagination-errors",
    "listing-options", "networking-networks", "networking-routers", "networking-rbac", "networking-rbac-in-use", "networking-list-paging", "networking-agents", "networking-pools", "networking-qos", "networking-qos-rules", "networking-segments", "networking-port-options", "networking-flavors", "networking-router-gateways", "networking-server-ports", "networking-filters", "networking-rule-prefixes",
    "volume-types", "volume-volumes", "volume-attachments", "volume-boot", "volume-paging", "volume-backup-quotas", "volume-bad-input", "volume-snapshots", "volume-backups", "volume-backups-admin", "volume-encryption",
    "shares-types", "shares-access", "shares-snapshots", "shares-resize", "shares-set",
    "shares-security-services", "shares-subnets", "shares-limits", "shares-export-locations",
    "shares-type-filters", "shares-group-types", "shares-backups", "shares-list-filters", "shares-transfers", "shares-servers", "shares-security-service-update", "shares-groups", "shares-replicas",
    "shares-adoption", "shares-subnet-properties", "shares-locks", "shares-migration", "shares-access-locks", "shares-snapshot-usage", "shares-server-adoption", "shares-backup-sorting", "shares-replica-promotion", "shares-resize-force", "shares-replica-properties", "shares-shrink-data",
    "admin-flavors", "admin-identity", "identity-domains-groups", "identity-regions-services", "identity-unified-limits", "network-ip-availability", "identity-project-users", "identity-project-properties", "admin-compute", "admin-hypervisors", "admin-hosts", "admin-usage", "admin-hypervisor-stats", "compute-server-dump", "compute-server-shares", "compute-console-url", "compute-live-migration", "compute-server-image", "admin-server-power", "admin-images",
    "compute-server-groups", "compute-server-lifecycle", "compute-server-options", "compute-server-shelve", "compute-server-shelve-offload",
    "networking-dns", "networking-extensions",
    "volume-transfers", "volume-services", "volume-messages-paging", "volume-attachment-records", "volume-read-only-image-properties", "volume-create-read-only", "volume-retype", "volume-migrate",
    "admin-quotas", "admin-image-members", "admin-image-deactivate", "identity-application-credential-expiry", "identity-project-hierarchy", "identity-domain-roles-immutable", "compute-rebuild-wait", "compute-server-topology-force-delete", "compute-keypair-paging", "compute-server-paging", "help-texts", "api-version-command-sets",
    "admin-image-paging", "compute-rebuild-evacuate", "compute-server-migrations",
  ])
  func printsWhatTheRealClientPrintsForTheSameCloud(session name: String) throws {
    let cloudFile = Bundle.module.url(forResource: "Goldens/\(name).cloud", withExtension: "yaml")
    let definition = try cloudFile.map { try CloudDefinition(contentsOfFile: $0.path) } ?? .devstack
    let session = Session(cloud: FakeCloud(definition: definition))
    var output = ""
    for line in try Self.golden("\(name).commands").split(separator: "\n") {
      let result = session.run(String(line))
      output += result.standardOutput + result.standardError
    }
    #expect(output == (try Self.golden("\(name).real-client.txt")))
  }

  @Test func theSameCommandsGiveTheSameBytesEveryTime() throws {
    let commands = try Self.golden("share-networks.commands").split(separator: "\n").map(String.init)
    func transcript() -> String {
      let session = Session(cloud: FakeCloud())
      return commands.map { session.run($0).standardOutput }.joined()
    }
    #expect(transcript() == transcript())
  }

  @Test func sourcingOpenrcSwitchesUser() {
    let session = Session(cloud: FakeCloud())
    #expect(session.environment["OS_CLOUD"] == "devstack")
    #expect(session.environment["OS_USERNAME"] == nil)
    #expect(session.run("source openrc admin admin").exitStatus == 0)
    #expect(session.environment["OS_USERNAME"] == "admin")
    #expect(session.environment["OS_PROJECT_NAME"] == "admin")
    #expect(session.environment["OS_PASSWORD"] == "secret")
  }

  /// The install guides' `admin-openrc` and `demo-openrc`: the user of that name, or the first
  /// user of the project of that name.
  @Test func sourcingANamedOpenrcSwitchesToItsUser() {
    let session = Session(cloud: FakeCloud())
    #expect(session.run(". admin-openrc").exitStatus == 0)
    #expect(session.environment["OS_USERNAME"] == "admin")
    #expect(session.environment["OS_PROJECT_NAME"] == "admin")
    #expect(session.run("openstack role list -f value -c Name").exitStatus == 0)
    #expect(session.run("source ~/demo-openrc.sh").exitStatus == 0)
    #expect(session.environment["OS_USERNAME"] == "clouduser1")
    #expect(session.environment["OS_PROJECT_NAME"] == "demo")
  }

  /// devstack's `openrc demo`: its demo user is, in a cloud without a user of that name, the
  /// first user of the project `demo`, as for `demo-openrc`; a name that is neither a user nor a
  /// project stays as given (and Keystone refuses it).
  @Test func sourcingOpenrcForDevstacksDemoUserSignsInAsTheDemoProjectsUser() {
    let session = Session(cloud: FakeCloud())
    #expect(session.run("source openrc demo").exitStatus == 0)
    #expect(session.environment["OS_USERNAME"] == "clouduser1")
    #expect(session.environment["OS_PROJECT_NAME"] == "demo")
    #expect(session.run("openstack network list -f value -c Name").exitStatus == 0)
    #expect(session.run("source openrc demo admin").exitStatus == 0)
    #expect(session.environment["OS_USERNAME"] == "clouduser1")
    #expect(session.environment["OS_PROJECT_NAME"] == "admin")
    #expect(session.run("source openrc nobody").exitStatus == 0)
    #expect(session.environment["OS_USERNAME"] == "nobody")
    #expect(session.run("openstack network list").exitStatus == 1)
  }

  /// devstack's `clouds.yaml`: `devstack` is the member, `devstack-admin` the admin; variables
  /// the environment sets win over the named cloud's, as in openstacksdk.
  @Test func osCloudPicksAnEntryOfCloudsYAML() {
    let session = Session(cloud: FakeCloud())
    _ = session.run("openstack share create nfs 1 --name s --share-type dhss_false")
    // Only an admin sees a share's host.
    let host = "share show s -f value -c host"
    #expect(session.run("openstack \(host)").standardError.hasPrefix("No recognized column names in ['host']."))
    #expect(session.run("openstack --os-cloud devstack-admin \(host)").standardOutput == "devstack@beta#fake_pool_beta\n")
    let missing = session.run("openstack --os-cloud nope share list")
    #expect(missing.standardError == "Cloud nope was not found.\n")
    #expect(missing.exitStatus == 1)
    _ = session.run("source openrc clouduser1 demo")
    #expect(session.run("openstack --os-cloud devstack-admin \(host)").standardError.hasPrefix("No recognized column names"))
  }

  @Test func exportAndUnsetChangeTheEnvironmentCommandsSee() {
    let session = Session(cloud: FakeCloud())
    _ = session.run("export OS_SHARE_API_VERSION=2.6 EXTRA='a b'")
    #expect(session.environment["OS_SHARE_API_VERSION"] == "2.6")
    #expect(session.environment["EXTRA"] == "a b")
    _ = session.run("unset EXTRA")
    #expect(session.environment["EXTRA"] == nil)
  }

  @Test func wrongCredentialsFailAsTheClientDoes() {
    let session = Session(cloud: FakeCloud())
    _ = session.run("export OS_PASSWORD=wrong")
    let result = session.run("openstack share type list")
    #expect(result.exitStatus == 1)
    #expect(result.standardError.hasPrefix("The request you have made requires authentication. (HTTP 401)"))
  }

  @Test(arguments: [
    ("ls -l", "walkthrough: not run: the line 'ls' is not simulated.\n"),
    ("openstack server list | grep vm1", "walkthrough: not run: the line uses '|'.\n"),
    ("openstack server list > out.txt", "walkthrough: not run: the line uses '>'.\n"),
    ("echo $(id)", "walkthrough: not run: the line uses '$('.\n"),
    ("echo 'unterminated", "walkthrough: not run: the line has an unterminated quote.\n"),
    ("source ~/.bashrc", "walkthrough: not run: the line sources a file other than devstack's openrc or a NAME-openrc.\n"),
    (". alice-openrc", "walkthrough: not run: the line sources alice-openrc, for a user or project the cloud does not have.\n"),
  ])
  func neverRunsAnythingElse(line: String, message: String) {
    let result = Session(cloud: FakeCloud()).run(line)
    #expect(!result.isSimulated)
    #expect(result.exitStatus == 127)
    #expect(result.standardError == message)
  }

  @Test func aCommentOrBlankLineDoesNothing() {
    let session = Session(cloud: FakeCloud())
    #expect(session.run("# a comment") == .init())
    #expect(session.run("   ") == .init())
  }
}

@Suite struct ShellWordsTests {
  @Test(arguments: [
    ("openstack share list", ["openstack", "share", "list"]),
    ("a 'b c' \"d $X e\" f\\ g", ["a", "b c", "d 42 e", "f g"]),
    ("a ${X}b", ["a", "42b"]),
    ("a '' \"\"", ["a", "", ""]),
    ("a # comment", ["a"]),
    ("a#b", ["a#b"]),
    ("say \"\\\"quoted\\\" \\$X\"", ["say", "\"quoted\" $X"]),
  ])
  func splitsAsAShellDoes(line: String, words: [String]) throws {
    #expect(try ShellWords.split(line, variables: ["X": "42"]) == words)
  }

  @Test func aVariableThePageNeverSetIsAPlaceholder() {
    #expect(throws: ShellWords.Failure.unsetVariable("Y")) { try ShellWords.split("a $Y", variables: [:]) }
    #expect(throws: ShellWords.Failure.unsetVariable("Y")) { try ShellWords.split("a \"${Y}\"", variables: [:]) }
  }

  /// Each exchange is handed on as it happens, not kept for the end.
  @Test func recordingHandsOnEachExchangeAsItHappens() {
    var entries: [JSON] = []
    let session = Session(cloud: FakeCloud(), recording: { entries.append($0) })
    _ = session.run("openstack share type list")
    let first = entries.count
    #expect(entries.last?["path"] == "/v2/types")
    _ = session.run("openstack share list")
    #expect(entries.count > first)
    #expect(entries.last?["path"] == "/v2/shares/detail")
    #expect(entries.last?["once"] == true)
  }
}

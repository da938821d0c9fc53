import Documents
import Foundation
import Testing

@testable import Check
@testable import FakeCloud

/// What real doc trees do that the project's own pages do not: commands shown without their
/// output, placeholders, tables wrapped through their ID column.
@Suite struct RealPageTests {
  func check(_ page: String, settings: CheckSettings = CheckSettings()) throws -> [StepResult] {
    try PageCheck.run(WalkthroughReader.parse(page, file: "page.rst", syntax: .rst), settings: settings)
  }

  @Test func aCommandShownWithoutOutputRan() throws {
    let results = try check("Types::\n\n  $ openstack share type list\n  $ openstack share network list\n")
    // The first prints a table the page does not show; the second prints nothing, as the page shows.
    #expect(results.map(\.outcome) == [.ran, .matched])
  }

  @Test func aCommandShownWithoutOutputThatFailsFailed() throws {
    var settings = CheckSettings()
    settings.assumesResources = false
    let results = try check("Show::\n\n  $ openstack share show nothing\n", settings: settings)
    #expect(results.map(\.outcome) == [.failed(status: 1, message: "No share with a name or ID of 'nothing' exists.")])
  }

  @Test func ranIsCountedOnItsOwnAndPasses() throws {
    let results = try check("Types::\n\n  $ openstack share type list\n")
    let report = PageReport(file: "page.rst", results: results, seconds: 0)
    #expect(report.counts.map(\.kind) == [.ran])
    #expect(!report.fails)
    #expect(TextReport(colour: false).render(report).hasPrefix("page.rst: 1 command: 1 ran"))
    #expect(JSONLinesReport.render(report).contains(#""outcome": "ran""#))
  }

  @Test(arguments: [
    ("openstack share create NFS 1 --name ...", "..."),
    ("openstack share create [--name <name>] NFS 1", "[--name"),
    ("openstack share create NFS SIZE", "SIZE"),
    ("openstack quota set --cores QUOTA_VALUE demo", "QUOTA_VALUE"),
    ("openstack network list --project PROJECT", "PROJECT"),
    ("openstack server create --image cirros --flavor 1 --hint group=SERVER_GROUP_UUID vm", "SERVER_GROUP_UUID"),
    ("openstack flavor set --property hw:mem_page_size=$SIZE m1.tiny", "$SIZE"),
    // Where a resource is named, but with the output the reader's resource printed.
    ("openstack server show SERVER_ID\n  +--+", "SERVER_ID"),
    // A name of the reader's for a UUID, alone or in a list; an angled name of several words.
    ("openstack volume create --hint same_host=Volume_A-UUID --size 1 v", "Volume_A-UUID"),
    ("openstack volume create --hint same_host=\"[Volume_A-UUID, Volume_B-UUID]\" --size 1 v", "Volume_A-UUID"),
    ("openstack volume type set --property powerflex:replication_cg=<replication_cg name> t", "<replication_cg name>"),
  ])
  func placeholdersAreNotRun(line: String, placeholder: String) throws {
    let results = try check("Run::\n\n  $ \(line)\n")
    guard case .notSimulated(let reason) = results.first?.outcome else {
      Issue.record("\(line): \(String(describing: results.first?.outcome))")
      return
    }
    #expect(reason.contains("placeholder, \(placeholder)"))
  }

  @Test(arguments: [
    "openstack share create NFS 1 --name s1",
    "openstack share type create gold False --extra-specs replication_enabled='<is> True'",
    "openstack server list --name VM",
  ])
  func valuesThatLookLikePlaceholdersAreRun(line: String) throws {
    let results = try check("Run::\n\n  $ \(line)\n")
    if case .notSimulated(let reason) = results.first?.outcome {
      #expect(!reason.contains("placeholder"))
    }
  }

  @Test func aVariableThePageSetsIsNoPlaceholder() throws {
    let page = "Run::\n\n  $ export NAME=n1\n  $ openstack share network create --name $NAME -f value -c name\n  n1\n"
    #expect(try check(page).map(\.outcome.kind) == [.matched, .matched])
  }

  /// A failed resize's events at `width`, on a cloud made from `seed`: the request IDs wrap when the
  /// terminal is narrow.
  func events(width: Int, seed: UInt64) throws -> [String] {
    let cloud = FakeCloud(definition: try Self.failedResizeCloud(), seed: seed)
    let session = Session(cloud: cloud, terminalWidth: width)
    for line in [
      "openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait vm",
      "openstack server resize --flavor m1.small --wait vm",
    ] {
      _ = session.run(line)
    }
    return OutputComparison.lines(session.run("openstack server event list vm --long").standardOutput)
  }

  static func failedResizeCloud() throws -> CloudDefinition {
    let url = try #require(Bundle.module.url(forResource: "Goldens/compute-failed-resize.cloud", withExtension: "yaml"))
    return try CloudDefinition(contentsOfFile: url.path)
  }

  @Test(arguments: [60, 80, 120])
  func requestIDsWrappedInTheirCellBindAsOneValue(width: Int) throws {
    let documented = try events(width: width, seed: 7)
    let table = try #require(CliffTable.parse(documented))
    #expect(table.rows.count == 2)
    #expect(table.rows.allSatisfy { squashed($0.cells[0]).count == 40 })
    let page = "Events::\n\n  $ openstack server event list vm --long\n" + documented.map { "  " + $0 }.joined(separator: "\n") + "\n"
    let lead = """
      Run::

        $ openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait vm
        $ openstack server resize --flavor m1.small --wait vm


      """
    var settings = CheckSettings(cloud: try Self.failedResizeCloud(), terminalWidth: width)
    settings.strictLayout = false
    let results = try check(lead + page, settings: settings)
    #expect(results.last?.outcome == .matched)
  }
}

/// The resources a page names before it creates them, provided in its cloud and noted.
@Suite struct AssumedResourceTests {
  func check(_ page: String, assume: Bool = true) throws -> [StepResult] {
    var settings = CheckSettings()
    settings.assumesResources = assume
    return try PageCheck.run(WalkthroughReader.parse(page, file: "page.rst", syntax: .rst), settings: settings)
  }

  @Test func aShareThePageNeverCreatesIsAssumedAndNoted() throws {
    let page = "Show::\n\n  $ openstack share show myshare -f value -c name -c status\n  available\n  myshare\n"
    let results = try check(page)
    #expect(results.map(\.outcome) == [.matched])
    #expect(results[0].notes.first == "assumed share myshare (line 3), not created by the page")
    #expect(try check(page, assume: false).map(\.outcome.kind) == [.failed])
  }

  @Test func anIDThePageShowsBecomesTheResourcesID() throws {
    let id = "5edf25ef-73eb-4635-8be0-8246e7d7417b"
    let page = """
      Create::

        $ openstack share network create --name sn --neutron-net-id \(id) --neutron-subnet-id sub1 -f value -c name
        sn

      The network::

        $ openstack subnet show sub1 -f value -c network_id
        \(id)
      """
    let results = try check(page)
    #expect(results.map(\.outcome) == [.matched, .matched])
    #expect(
      results[0].notes == [
        "assumed network \(id) (line 3), not created by the page", "assumed subnet sub1 (line 3), not created by the page",
      ])
  }

  @Test func whatThePageCreatesOrAlreadyExistsIsNotAssumed() throws {
    let page = """
      Run::

        $ openstack share create NFS 1 --name s1
        $ openstack share show s1
        $ openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait vm
        $ openstack server show vm
      """
    let results = try check(page)
    #expect(results.allSatisfy { $0.notes.allSatisfy { !$0.hasPrefix("assumed") } })
    #expect(results.map(\.outcome.kind) == [.ran, .ran, .ran, .ran])
  }

  /// An ID that a table wrapped at a narrow terminal cuts over two lines is still the ID the
  /// page's output shows: the server is the page's own (as in a session the tutor recorded at
  /// 100 columns), not assumed.
  @Test func anIDCutByAWrappedTableIsNotAssumed() throws {
    let page = """
      Run::

        $ openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait vm -f value -c status
        ACTIVE
        $ openstack server list -c ID -c Name
        +--------------------------+------+
        | ID                       | Name |
        +--------------------------+------+
        | 84d0c512-0bd7-4c99-ba89- | vm   |
        | 07c967192b96             |      |
        +--------------------------+------+
        $ openstack server show 84d0c512-0bd7-4c99-ba89-07c967192b96 -f value -c name
        vm
      """
    let results = try check(page)
    #expect(results.allSatisfy { $0.notes.allSatisfy { !$0.hasPrefix("assumed") } })
    #expect(results.map(\.outcome) == [.matched, .matched, .matched])
  }

  @Test func aPageThatShowsANotFoundErrorGetsIt() throws {
    let page = "Show::\n\n  $ openstack server show vm3\n  No Server found for vm3\n"
    #expect(try check(page).map(\.outcome) == [.matched])
  }

  @Test func aServerNamedByIDIsCreatedWithIt() throws {
    let id = "d1df1b5a-70c4-4fed-98b7-423362f2c47c"
    let page = "Show::\n\n  $ openstack server show \(id) -f value -c id -c status\n  \(id)\n  ACTIVE\n"
    #expect(try check(page).map(\.outcome) == [.matched])
  }

  @Test func aPageNamingThousandsOfMissingResourcesAssumesAHundred() throws {
    let lines = (0..<2_000).map { "  $ openstack subnet show subnet-\($0) -f value -c name" }
    let results = try check("Show::\n\n" + lines.joined(separator: "\n") + "\n")
    #expect(results.count == 2_000)
    #expect(results.prefix(100).allSatisfy { $0.outcome == .ran })
    #expect(results[100].outcome.kind == .failed)
    #expect(results[100].notes == ["more than 100 resources named before the page creates them; the rest are not assumed"])
  }
}

extension AssumedResourceTests {
  @Test func anIDThePagesOwnCreateShowedIsNotAssumed() throws {
    let page = """
      Create::

        $ openstack share create NFS 1 --name s1 -f value -c id
        7b0e4c3a-5b1e-4c5d-9a0e-6f1d2c3b4a59

      Show::

        $ openstack share show 7b0e4c3a-5b1e-4c5d-9a0e-6f1d2c3b4a59 -f value -c name
        s1
      """
    let results = try check(page)
    #expect(results.map(\.outcome) == [.matched, .matched])
    #expect(results.allSatisfy { $0.notes.isEmpty })
  }

  @Test func anIDAListShowedThatNothingBindsIsAssumedWhenItsCommandComes() throws {
    let id = "d1df1b5a-70c4-4fed-98b7-423362f2c47c"
    let page = """
      The share::

        $ echo \(id)
        \(id)
        $ openstack share show \(id) -f value -c id
        \(id)
      """
    let results = try check(page)
    #expect(results.map(\.outcome.kind) == [.notSimulated, .matched])
    #expect(results[1].notes == ["assumed share \(id) (line 5), not created by the page"])
  }
}

extension RealPageTests {
  @Test func anOptionRepeatedAThousandTimesHasAClearOutcome() throws {
    let repeated = String(repeating: " --property a=b", count: 1_000)
    let results = try check("Run::\n\n  $ openstack share list\(repeated)\n  $ openstack share network list --name n\(String(repeating: " --name n", count: 1_000))\n")
    #expect(results.count == 2)
    #expect(results.allSatisfy { [.ran, .matched, .failed, .notSimulated].contains($0.outcome.kind) })
  }

  @Test func aPlaceholderInAnyPositionIsNotRun() throws {
    for line in [
      "openstack <command> list", "openstack share <verb>", "openstack share show --os-cloud <cloud> s",
      "openstack share create <proto> <size>", "openstack share create NFS SIZE",
    ] {
      let outcome = try check("Run::\n\n  $ \(line)\n").first?.outcome
      guard case .notSimulated(let reason) = outcome else {
        Issue.record("\(line): \(String(describing: outcome))")
        continue
      }
      #expect(reason.contains("placeholder"), "\(line)")
    }
  }
}

extension AssumedResourceTests {
  /// Each kind a page may name before it creates it: named, assumed, noted, and the command runs.
  @Test(arguments: [
    ("openstack volume show myvol -f value -c name", "volume myvol"),
    ("openstack volume snapshot show mysnap -f value -c name", "volume snapshot mysnap"),
    ("openstack port show 88101e57-76fa-4d12-b0e0-4fc7634b874a -f value -c id", "port 88101e57-76fa-4d12-b0e0-4fc7634b874a"),
    ("openstack network qos policy show bw-limiter -f value -c name", "network qos policy bw-limiter"),
    ("openstack subnet pool show pool1 -f value -c prefixes", "subnet pool pool1"),
    ("openstack router show edge -f value -c name", "router edge"),
    ("openstack security group show web -f value -c name", "security group web"),
    ("openstack volume type show gold -f value -c name", "volume type gold"),
    ("openstack address scope show scope1 -f value -c name", "address scope scope1"),
    ("openstack network show manila_service_network -f value -c name", "network manila_service_network"),
    ("openstack share snapshot show my_snap -f value -c name", "share snapshot my_snap"),
  ])
  func eachKindIsAssumed(line: String, assumed: String) throws {
    let results = try check("Show::\n\n  $ \(line)\n")
    #expect(results.map(\.outcome) == [.ran])
    #expect(results[0].notes == ["assumed \(assumed) (line 3), not created by the page"])
  }

  @Test func anIDBecomesTheIDOfAPortAndAVolumeSnapshot() throws {
    let port = "88101e57-76fa-4d12-b0e0-4fc7634b874a"
    let snapshot = "0c6bb5a0-6a3e-4a0a-9d3e-5f6f1f1c9a11"
    let page = """
      Show::

        $ openstack port show \(port) -f value -c id
        \(port)
        $ openstack volume snapshot show \(snapshot) -f value -c id
        \(snapshot)
      """
    #expect(try check(page).map(\.outcome) == [.matched, .matched])
  }

  @Test func whatDevstackHasIsNotAssumed() throws {
    let page = "Show::\n\n  $ openstack router show router1 -f value -c name\n  router1\n  $ openstack security group show default -f value -c name\n  default\n  $ openstack volume type show lvmdriver-1 -f value -c name\n  lvmdriver-1\n"
    let results = try check(page)
    #expect(results.map(\.outcome) == [.matched, .matched, .matched])
    #expect(results.allSatisfy { $0.notes.isEmpty })
  }

  @Test func aNameAPageGaveInARenameIsItsOwn() throws {
    let page = """
      Rename::

        $ openstack volume create --size 1 v1 -f value -c name
        v1
        $ openstack volume set v1 --name v2
        $ openstack volume show v2 -f value -c name
        v2
      """
    let results = try check(page)
    #expect(results.map(\.outcome) == [.matched, .matched, .matched])
    #expect(results.allSatisfy { $0.notes.isEmpty })
  }

  @Test func aCommandShownRefusedAssumesNothing() throws {
    let page = """
      Show::

        $ openstack aggregate show agg_h1
        ForbiddenException: 403: Client Error for url: http://devstack/compute/v2.1/os-aggregates, Policy doesn't allow os_compute_api:os-aggregates:index to be performed.
      """
    let results = try check(page)
    #expect(results.map(\.outcome) == [.matched])
    #expect(results[0].notes.isEmpty)
  }
}

/// Operators' pages that never say whose credentials they use: run as the cloud's admin when the
/// default user is refused.
@Suite struct AssumedAdminTests {
  func check(_ page: String, assume: Bool = true, environment: [(String, String)] = []) throws -> [StepResult] {
    var settings = CheckSettings()
    settings.assumesResources = assume
    settings.environment = environment.map { (name: $0.0, value: $0.1) }
    return try PageCheck.run(WalkthroughReader.parse(page, file: "page.rst", syntax: .rst), settings: settings)
  }

  static let operatorsPage = """
    QoS::

      $ openstack volume qos create --property read_iops_sec=2000 high-iops -f value -c name
      high-iops
      $ openstack volume qos list -f value -c Name
      high-iops
    """

  @Test func aPageRefusedToTheDefaultUserRunsAsTheAdminWithANote() throws {
    let results = try check(Self.operatorsPage)
    #expect(results.map(\.outcome) == [.matched, .matched])
    #expect(
      results[0].notes.first
        == "ran the page as the cloud's admin (devstack-admin): as clouduser1, line 3 is refused for want of a role, and the page does not say whose credentials it uses"
    )
    #expect(results[1].notes.isEmpty)
  }

  @Test func withoutAssumptionsThePageRunsAsTheDefaultUser() throws {
    let outcomes = try check(Self.operatorsPage, assume: false).map(\.outcome.kind)
    #expect(outcomes == [.failed, .failed])
  }

  @Test func aPageThatShowsTheRefusalIsNotRunAsTheAdmin() throws {
    let page = """
      QoS::

        $ openstack volume qos list
        ForbiddenException: 403: Client Error for url: http://devstack/volume/v3/x/qos-specs, Policy doesn't allow volume_extension:qos_specs_manage:get_all to be performed.
      """
    let results = try check(page)
    #expect(results.allSatisfy { $0.notes.isEmpty })
    #expect(results.map(\.outcome.kind) != [.matched])
  }

  @Test(arguments: [
    "  $ . demo-openrc\n", "  $ export OS_CLOUD=devstack\n",
  ])
  func aPageThatChoosesItsCredentialsKeepsThem(_ first: String) throws {
    let page = Self.operatorsPage.replacingOccurrences(of: "QoS::\n\n", with: "QoS::\n\n\(first)")
    let results = try check(page)
    #expect(results.allSatisfy { $0.notes.isEmpty })
    #expect(results.dropFirst().map(\.outcome.kind) == [.failed, .failed])
  }

  /// An API version says nothing of whose credentials a page uses, on the command line or in the
  /// environment.
  @Test(arguments: [
    "  $ openstack --os-volume-api-version=3.0 volume qos list -f value -c Name\n  high-iops\n",
    "  $ export OS_VOLUME_API_VERSION=3.0\n",
  ])
  func anAPIVersionChoosesNoCredentials(_ last: String) throws {
    let page = Self.operatorsPage.replacingOccurrences(of: "QoS::\n\n", with: "QoS::\n\n\(last)")
    let results = try check(page)
    #expect(results.contains { $0.notes.first?.hasPrefix("ran the page as the cloud's admin") == true })
    #expect(!results.contains { $0.outcome.kind == .failed })
  }

  @Test func credentialsGivenToTheCheckAreKept() throws {
    let results = try check(Self.operatorsPage, environment: [("OS_CLOUD", "devstack")])
    #expect(results.map(\.outcome.kind) == [.failed, .failed])
  }
}

extension RealPageTests {
  /// A placeholder where the command names (or creates) a resource stands for one of its own,
  /// assumed like any the page names without creating it; the line runs and says so.
  static let filledIn: [(line: String, standIns: [String], assumed: String?)] = [
    ("openstack share show <share-id>", ["share-id for the placeholder <share-id>"], "assumed share share-id"),
    ("openstack server show SERVER_ID", ["server_id for the placeholder SERVER_ID"], "assumed server server_id"),
    ("openstack server show $SERVER", ["server for the placeholder $SERVER"], "assumed server server"),
    ("openstack server show ${vm1}", ["vm1 for the placeholder $vm1"], "assumed server vm1"),
    (
      "openstack server create --flavor FLAVOR --image IMAGE --network private vm",
      ["flavor for the placeholder FLAVOR", "image for the placeholder IMAGE"], "assumed flavor flavor"
    ),
    (
      "openstack share network create --neutron-net-id PRIVATE_NETWORK_ID",
      ["private_network_id for the placeholder PRIVATE_NETWORK_ID"], "assumed network private_network_id"
    ),
    ("openstack share create NFS 1 --name=<name>", ["name for the placeholder <name>"], nil),
    ("openstack quota show $PROJECT_ID", ["project_id for the placeholder $PROJECT_ID"], "assumed project project_id"),
    // A size given to `--size`; names of several words.
    (
      "openstack volume create --size <size> --type <type name> <vol name>",
      ["2 for the placeholder <size>", "type-name for the placeholder <type name>", "vol-name for the placeholder <vol name>"],
      "assumed volume type type-name"
    ),
    // A backup, on a cloud that runs the backup service.
    (
      "openstack volume backup restore BACKUP_ID VOLUME_ID",
      ["backup_id for the placeholder BACKUP_ID", "volume_id for the placeholder VOLUME_ID"], "assumed volume backup backup_id"
    ),
  ]

  @Test(arguments: filledIn)
  func placeholdersWhereAResourceIsNamedRunFilledIn(line: String, standIns: [String], assumed: String?) throws {
    let result = try #require(try check("Run::\n\n  $ \(line)\n").first)
    // It prints what the page does not show.
    #expect(result.outcome.kind == .ran, "\(line): \(result.outcome)")
    #expect(result.notes.first == "ran with \(standIns.joined(separator: ", ")) (line 3)")
    if let assumed { #expect(result.notes.contains { $0.hasPrefix(assumed + " (line 3)") }, "\(result.notes)") }
  }

  /// A size standing in is more than an assumed volume's, so that the volume is extended.
  @Test func aFilledInSizeExtendsTheAssumedVolume() throws {
    let results = try check("Run::\n\n  $ openstack volume set --size NEW_SIZE VOLUME\n  $ openstack volume show volume -c size -f value\n  2\n")
    #expect(results.map(\.outcome.kind) == [.matched, .matched], "\(results.map(\.outcome))")
    #expect(results.first?.notes.first == "ran with 2 for the placeholder NEW_SIZE, volume for the placeholder VOLUME (line 3)")
  }

  /// A line the client's parser refuses for an option fails whatever its placeholder stands for;
  /// one it would refuse only for the name standing in stays unrun.
  @Test func aFilledInLineTheParserRefusesFails() throws {
    let results = try check("Run::\n\n  $ openstack flavor set $FLAVOR --vcpus=4\n  $ openstack quota set --cores QUOTA_VALUE demo\n")
    #expect(results.first?.notes.first == "ran with flavor for the placeholder $FLAVOR (line 3)")
    guard case .failed(2, let message) = results.first?.outcome else {
      Issue.record("\(String(describing: results.first?.outcome))")
      return
    }
    #expect(message.hasPrefix("usage: openstack flavor set [-h]"), "\(message)")
    #expect(results.last?.outcome.kind == .notSimulated)
  }

  /// The filled-in line is what runs, and what a later step's variables and bound IDs apply to.
  @Test func aFilledInFlavorIsCheckedByNova() throws {
    let results = try check(
      "Run::\n\n  $ source openrc admin admin\n"
        + "  $ openstack --os-compute-api-version 2.86 flavor set $FLAVOR --property hw:cpu_policy=sometimes\n")
    guard case .failed(_, let message) = results.last?.outcome else {
      Issue.record("\(String(describing: results.last?.outcome))")
      return
    }
    #expect(message.contains("flavors/flavor/os-extra_specs, Validation failed; 'sometimes' is not one of"), "\(message)")
  }
}

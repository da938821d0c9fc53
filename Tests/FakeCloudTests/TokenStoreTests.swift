import Testing

@testable import FakeCloud

/// Keystone's issued tokens, as the cloud keeps them: each stands for its own caller until it
/// expires, whatever bytes it shares with another.
@Suite struct TokenStoreTests {
  private func caller(_ name: String) -> Caller {
    Caller(userID: name + "-id", userName: name, projectID: "p", projectName: "demo", roles: ["member"])
  }

  @Test func tokensThatEndAlikeStandForTheirOwnCallers() {
    var ids = IDGenerator(seed: 1)
    var identity = IdentityState(definition: .devstack, ids: &ids)
    identity.issue("gAAAAAfirst-12345678", for: caller("ada"), now: 0, expires: 100)
    identity.issue("gAAAAAother-12345678", for: caller("grace"), now: 0, expires: 200)
    #expect(identity.caller("gAAAAAfirst-12345678", at: 1)?.userName == "ada")
    #expect(identity.caller("gAAAAAother-12345678", at: 1)?.userName == "grace")
    #expect(identity.caller("gAAAAAfirst-12345678", at: 2)?.userName == "ada")
    #expect(identity.caller("gAAAAAthird-12345678", at: 2) == nil)
    #expect(identity.caller("12345678", at: 2) == nil)
    #expect(identity.caller("", at: 2) == nil)
    #expect(identity.caller("gAAAAAfirst-12345678", at: 100) == nil)
    #expect(identity.caller("gAAAAAother-12345678", at: 100)?.userName == "grace")
  }
}

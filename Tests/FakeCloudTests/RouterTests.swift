import CloudAPI
import Testing

@testable import FakeCloud

/// The services' routing: the first route added that fits a path and a method answers, a literal
/// segment and a placeholder both fit, and a known path with another method is told apart from
/// an unknown one.
@Suite struct RouterTests {
  /// A router whose handlers answer with their route's number as the status.
  static func router(_ routes: [(HTTPMethod, String)]) -> Router<Int> {
    var router = Router<Int>()
    for (number, route) in routes.enumerated() {
      router.add(route.0, route.1) { _, _ in APIResponse(status: number) }
    }
    return router
  }

  /// The number of the route that answers, with the path's placeholders; `nil` with the reason
  /// when none does.
  static func answer(_ router: Router<Int>, _ method: HTTPMethod, _ path: String) -> (Int, PathParameters)? {
    guard case .found(let handler, let parameters) = router.route(method, path) else { return nil }
    var state = 0
    let call = Call(request: APIRequest(method, path), caller: nil, parameters: parameters, requestID: "")
    return (handler(&state, call).status, parameters)
  }

  @Test func theFirstRouteAddedWinsWhetherLiteralOrPlaceholder() throws {
    let literalFirst = Self.router([(.get, "/v2/shares/detail"), (.get, "/v2/shares/{id}")])
    #expect(try #require(Self.answer(literalFirst, .get, "/v2/shares/detail")).0 == 0)
    #expect(try #require(Self.answer(literalFirst, .get, "/v2/shares/abc")) == (1, ["id": "abc"]))
    let placeholderFirst = Self.router([(.get, "/v2/shares/{id}"), (.get, "/v2/shares/detail")])
    #expect(try #require(Self.answer(placeholderFirst, .get, "/v2/shares/detail")) == (0, ["id": "detail"]))
  }

  @Test func aRouteOfTheMethodWinsOverAnEarlierOneOfAnother() throws {
    let router = Self.router([
      (.post, "/v2/shares/{id}/action"), (.get, "/v2/{project}/shares/{id}"), (.get, "/v2/shares/{id}/action"),
    ])
    #expect(try #require(Self.answer(router, .get, "/v2/shares/s1/action")) == (2, ["id": "s1"]))
    #expect(try #require(Self.answer(router, .get, "/v2/p1/shares/s1")) == (1, ["project": "p1", "id": "s1"]))
  }

  @Test func aKnownPathWithAnotherMethodIsNotAllowedAndAnUnknownOneNotFound() {
    let router = Self.router([(.get, "/"), (.get, "/v2/shares"), (.delete, "/v2/shares/{id}")])
    guard case .methodNotAllowed = router.route(.put, "/v2/shares") else { Issue.record("PUT /v2/shares routed"); return }
    guard case .methodNotAllowed = router.route(.get, "/v2/shares/s1") else { Issue.record("GET of a share routed"); return }
    guard case .notFound = router.route(.get, "/v2/shares/s1/extra") else { Issue.record("a longer path routed"); return }
    guard case .notFound = router.route(.get, "/v2") else { Issue.record("a shorter path routed"); return }
    guard case .found = router.route(.get, "/") else { Issue.record("the root not routed"); return }
  }
}

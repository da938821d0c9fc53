import Testing

@testable import FakeCloud

/// An endpoint's URL read as Keystone reads it: Python's `%` format, `$(` written for `%(`.
@Suite struct EndpointURLTests {
  @Test(arguments: [
    ("http://controller:8776/v3/%(project_id)s", "http://controller:8776/v3/P"),
    ("http://controller:8776/v3/$(tenant_id)s/$(user_id)s", "http://controller:8776/v3/P/U"),
    ("http://controller:8080/v1/AUTH_$(project_id)s", "http://controller:8080/v1/AUTH_P"),
    ("http://controller/100%%", "http://controller/100%"),
    ("http://controller/$x/$(", nil),
    ("http://controller/cost$", "http://controller/cost$"),
    ("http://controller/%(compute_host)s", nil),
    ("http://controller/%(project_id)d", nil),
    ("http://controller/100%", nil),
    ("http://controller/%s", nil),
  ] as [(String, String?)])
  func aTokensCatalogFillsInItsProjectAndUser(url: String, formatted: String?) {
    #expect(EndpointURL.catalogURL(url, project: "P", user: "U") == formatted)
  }

  /// `check_endpoint_url`: only the names Keystone allows, each as `%(name)s`.
  @Test func anEndpointIsCreatedOnlyWithAURLKeystoneCanFormat() {
    #expect(EndpointURL.isValid("http://controller:8776/v3/%(project_id)s"))
    #expect(EndpointURL.isValid("http://controller/%(compute_host)s/$(admin_port)s"))
    #expect(EndpointURL.isValid("http://controller/plain"))
    #expect(!EndpointURL.isValid("http://controller:8776/v3/%(volume_id)s"))
    #expect(!EndpointURL.isValid("http://controller:8776/v3/100%"))
  }
}

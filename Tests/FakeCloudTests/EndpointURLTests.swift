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
    ("http://controller/%(project_id)s/%s", nil),
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

  /// Python fills a lone bare `%s` with the whole mapping (`'a%sb' % {'k': 'v'}` is
  /// `"a{'k': 'v'}b"`): Keystone would accept it, the fake refuses it as not emulated; two bare
  /// conversions, or one beside a named one, are Python's TypeError.
  @Test func aLoneBareConversionIsToldApart() {
    #expect(EndpointURL.formatsWholeMapping("http://controller/%s"))
    #expect(EndpointURL.formatsWholeMapping("http://controller/100%%/%r"))
    #expect(!EndpointURL.formatsWholeMapping("http://controller/%s%s"))
    #expect(!EndpointURL.formatsWholeMapping("http://controller/%(project_id)s%s"))
    #expect(!EndpointURL.formatsWholeMapping("http://controller/plain"))
  }
}

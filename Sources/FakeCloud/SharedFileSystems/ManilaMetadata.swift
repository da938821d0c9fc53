import CloudAPI

/// What Manila's `MetadataController` (`manila/api/v2/metadata.py`) and
/// `common.check_metadata_properties` do to a resource's metadata, whatever the resource.
enum ManilaMetadata {
  /// `check_metadata_properties`: keys and values present, keys up to 255 characters, values up
  /// to 1023.
  static func fault(_ metadata: JSONObject) -> APIResponse? {
    for (key, value) in metadata {
      if key.isEmpty { return .fault(400, "Metadata property key is blank.") }
      if key.count > 255 { return .fault(400, "Metadata property key is greater than 255 characters.") }
      let text = value.string ?? ""
      if value == .null || text.isEmpty && value.string != nil { return .fault(400, "Metadata property value is blank.") }
      if text.count > 1023 { return .fault(400, "Metadata property value is greater than 1023 characters.") }
    }
    return nil
  }

  /// The items of a `POST .../metadata` body, checked before the resource is looked up.
  static func items(_ body: JSON?) -> Result<JSONObject, FaultResponse> {
    guard case .object(let items)? = body?["metadata"] else { return .failure(FaultResponse(.fault(400, "Malformed request body"))) }
    if let fault = fault(items) { return .failure(FaultResponse(fault)) }
    return .success(items)
  }

  /// `POST .../metadata`: the items added to (or replacing) the resource's; the whole metadata
  /// answered.
  static func merge(_ items: JSONObject, into metadata: inout JSONObject) -> APIResponse {
    for (key, value) in items { metadata[key] = value }
    return .json(200, .object(["metadata": .object(metadata)]))
  }

  /// `DELETE .../metadata/{key}`: a key that is not there is a 404.
  static func unset(_ key: String, from metadata: inout JSONObject) -> APIResponse {
    guard metadata.removeValue(forKey: key) != nil else { return .fault(404, "Metadata item was not found") }
    return APIResponse(status: 200)
  }
}

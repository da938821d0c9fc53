import CloudAPI

/// A volume type's encryption as OSC's `volume type` commands handle it, through openstacksdk's
/// `TypeEncryption` (`/types/{id}/encryption`, no microversion): fetched whole, created with the
/// client's default control location, updated by the ID the fetch gave, deleted the same way.
enum TypeEncryption {
  /// The options that create or change a type's encryption.
  static let options = ["--encryption-provider", "--encryption-cipher", "--encryption-key-size", "--encryption-control-location"]

  static func isAsked(_ arguments: ParsedArguments) -> Bool { options.contains { arguments.value($0) != nil } }

  /// `_format_encryption`: the SDK's attributes in its order, less the ignored ones and those
  /// without a value.
  static func info(_ encryption: JSON) -> JSONObject {
    var info = JSONObject()
    for key in ["cipher", "control_location", "encryption_id", "key_size", "provider"] {
      if let value = encryption[key], value != .null { info[key] = value }
    }
    return info
  }

  /// `get_type_encryption`: the specs, `{}` for a type without.
  static func fetch(typeID: String, _ context: CommandContext) throws -> JSON {
    try context.cinder.call(APIRequest(.get, "/types/\(typeID)/encryption"))
  }

  /// `_create_encryption_type`: the provider required, `front-end` unless told; what Cinder
  /// answers.
  @discardableResult
  static func create(typeID: String, _ arguments: ParsedArguments, _ context: CommandContext) throws -> JSON {
    guard let provider = arguments.value("--encryption-provider") else {
      throw CommandFailure(message: "'--encryption-provider' should be specified while creating a new encryption type")
    }
    let body: JSONObject = [
      "provider": .string(provider), "cipher": VolumeFormat.optional(arguments.value("--encryption-cipher")),
      "key_size": arguments.value("--encryption-key-size").flatMap { Int($0) }.map(JSON.int) ?? .null,
      "control_location": .string(arguments.value("--encryption-control-location") ?? "front-end"),
    ]
    return try context.cinder.call(APIRequest(.post, "/types/\(typeID)/encryption", body: .object(["encryption": .object(body)])))[
      "encryption"] ?? .null
  }

  /// `_set_encryption_type`: the options given sent to the type's encryption; a type without one
  /// (the SDK then has no ID to update) gets one created, with a warning.
  static func set(typeID: String, _ arguments: ParsedArguments, _ context: CommandContext) throws {
    let current = try fetch(typeID: typeID, context)
    guard let encryptionID = current["encryption_id"]?.string else {
      guard arguments.value("--encryption-provider") != nil else {
        throw CommandFailure(message: "'--encryption-provider' should be specified while creating a new encryption type")
      }
      context.log("No existing encryption type found, creating new encryption type for this volume type ...")
      try create(typeID: typeID, arguments, context)
      return
    }
    var changes = JSONObject()
    if let provider = arguments.value("--encryption-provider") { changes["provider"] = .string(provider) }
    if let cipher = arguments.value("--encryption-cipher") { changes["cipher"] = .string(cipher) }
    if let size = arguments.value("--encryption-key-size").flatMap({ Int($0) }) { changes["key_size"] = .int(size) }
    if let location = arguments.value("--encryption-control-location") { changes["control_location"] = .string(location) }
    try context.cinder.call(
      APIRequest(.put, "/types/\(typeID)/encryption/\(encryptionID)", body: .object(["encryption": .object(changes)])))
  }

  /// `delete_type_encryption`: by the ID the fetch gives; none is the SDK's `InvalidRequest`.
  static func delete(typeID: String, _ context: CommandContext) throws {
    guard let encryptionID = try fetch(typeID: typeID, context)["encryption_id"]?.string else {
      throw CommandFailure(message: "Request requires an ID but none was found")
    }
    let response = try context.cinder.send(APIRequest(.delete, "/types/\(typeID)/encryption/\(encryptionID)"))
    // `ignore_missing`: a 404 is no failure.
    guard (200..<300).contains(response.status) || response.status == 404 else {
      throw context.cinder.error(response, APIRequest(.delete, "/types/\(typeID)/encryption/\(encryptionID)"))
    }
  }
}

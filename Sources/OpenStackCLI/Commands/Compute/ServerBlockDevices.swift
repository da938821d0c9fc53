import CloudAPI
import Foundation

/// `server create`'s disks as `CreateServer` builds `block_device_mapping_v2`: the boot disk
/// (`--image`, `--boot-from-volume`, `--volume`, `--snapshot`), then `--swap`, `--ephemeral`,
/// the deprecated `--block-device-mapping` (its volume, snapshot or image looked up) and
/// `--block-device` (sent as given, checked as the client checks it).
enum ServerBlockDevices {
  /// `BDMAction`'s keys.
  static let keys = [
    "uuid", "source_type", "destination_type", "disk_bus", "device_type", "device_name", "volume_size", "guest_format",
    "boot_index", "delete_on_termination", "tag", "volume_type",
  ]

  /// The values argparse checks as it reads them, before the command runs: `BDMLegacyAction`'s
  /// form and `BDMAction`'s pairs. A `--block-device` that names a JSON file is read from it by
  /// the client, which the emulation does not do.
  static func parse(_ arguments: ParsedArguments) throws -> (legacy: [JSONObject], devices: [JSONObject]) {
    var legacy: [JSONObject] = []
    for value in arguments.values("--block-device-mapping") {
      legacy.append(try parseLegacy(value))
    }
    var devices: [JSONObject] = []
    for value in arguments.values("--block-device") {
      if !value.contains("=") { throw NotEmulated(what: "server create --block-device with a JSON file") }
      do {
        _ = try ValueType.multiKeyValue(required: [], optional: keys).convert(value)
      } catch {
        throw ServerCreate.syntax.error("argument --block-device: \(error.message)")
      }
      devices.append(ValueType.pairs(value))
    }
    return (legacy, devices)
  }

  /// `dev-name=id[:type[:size[:delete-on-terminate]]]`.
  private static func parseLegacy(_ value: String) throws -> JSONObject {
    let equals = value.firstIndex(of: "=")
    let name = String(value[..<(equals ?? value.endIndex)])
    let rest = equals.map { String(value[value.index(after: $0)...]) } ?? ""
    let parts = rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard !name.isEmpty, !rest.isEmpty, parts.count <= 4 else {
      throw ServerCreate.syntax.error(
        "argument --block-device-mapping: Invalid argument \(value); argument must be of form 'dev-name=id[:type[:size[:delete-on-terminate]]]'")
    }
    var mapping: JSONObject = [
      "device_name": .string(name), "uuid": .string(parts[0]), "source_type": "volume", "destination_type": "volume",
    ]
    if parts.count > 1, !parts[1].isEmpty {
      guard ["volume", "snapshot", "image"].contains(parts[1]) else {
        throw ServerCreate.syntax.error(
          "argument --block-device-mapping: Invalid argument \(value); 'type' must be one of: volume, snapshot, image")
      }
      mapping["source_type"] = .string(parts[1])
    }
    if parts.count > 2, !parts[2].isEmpty { mapping["volume_size"] = .string(parts[2]) }
    if parts.count > 3, !parts[3].isEmpty { mapping["delete_on_termination"] = .string(parts[3]) }
    return mapping
  }

  /// The boot disk: a volume made of the image (`--boot-from-volume`), the image, the volume or
  /// the snapshot.
  static func root(
    image: String?, bootFromVolume: Int?, deleteOnTermination: Bool, volume: String?, snapshot: String?
  ) throws -> [JSON] {
    if let size = bootFromVolume {
      guard let image else {
        throw CommandFailure(message: "An image (--image or --image-property) is required to support --boot-from-volume option")
      }
      return [
        .object([
          "uuid": .string(image), "boot_index": 0, "source_type": "image", "destination_type": "volume",
          "volume_size": .int(size), "delete_on_termination": .bool(deleteOnTermination),
        ])
      ]
    }
    if let image {
      return [
        .object([
          "uuid": .string(image), "boot_index": 0, "source_type": "image", "destination_type": "local",
          "delete_on_termination": true,
        ])
      ]
    }
    if let volume {
      return [.object(["uuid": .string(volume), "boot_index": 0, "source_type": "volume", "destination_type": "volume"])]
    }
    if let snapshot {
      return [
        .object([
          "uuid": .string(snapshot), "boot_index": 0, "source_type": "snapshot", "destination_type": "volume",
          "delete_on_termination": false,
        ])
      ]
    }
    return []
  }

  /// `--swap`, `--ephemeral`, `--block-device-mapping` then `--block-device`, after the boot disk.
  static func others(
    _ arguments: ParsedArguments, legacy: [JSONObject], devices: [JSONObject], version: Microversion, in context: CommandContext
  ) throws -> [JSON] {
    var mappings: [JSON] = []
    if let swap = arguments.value("--swap").flatMap({ Int($0) }) {
      mappings.append(
        .object([
          "boot_index": -1, "source_type": "blank", "destination_type": "local", "guest_format": "swap",
          "volume_size": .int(swap), "delete_on_termination": true,
        ]))
    }
    for text in arguments.values("--ephemeral") {
      let given = ValueType.pairs(text)
      var mapping: JSONObject = [
        "boot_index": -1, "source_type": "blank", "destination_type": "local", "delete_on_termination": true,
        "volume_size": given["size"] ?? .null,
      ]
      if let format = given["format"] { mapping["guest_format"] = format }
      mappings.append(.object(mapping))
    }
    for var mapping in legacy {
      let uuid = mapping["uuid"]?.string ?? ""
      switch mapping["source_type"]?.string {
      case "volume": mapping["uuid"] = try context.cinder.find(uuid, .volume)["id"] ?? .null
      case "snapshot": mapping["uuid"] = try context.cinder.find(uuid, .snapshot)["id"] ?? .null
      default: mapping["uuid"] = try ComputeLookup.image(uuid, in: context)["id"] ?? .null
      }
      mappings.append(.object(mapping))
    }
    for var mapping in devices {
      if let index = mapping["boot_index"]?.string {
        guard let number = PythonInt.parse(index) else {
          throw CommandFailure(message: "The boot_index key of --block-device should be an integer")
        }
        mapping["boot_index"] = .int(number)
      }
      if mapping["tag"] != nil, version < Microversion(2, 42) {
        throw CommandFailure(message: "--os-compute-api-version 2.42 or greater is required to support the tag key of --block-device")
      }
      if mapping["volume_type"] != nil, version < Microversion(2, 67) {
        throw CommandFailure(
          message: "--os-compute-api-version 2.67 or greater is required to support the volume_type key of --block-device")
      }
      if let source = mapping["source_type"]?.string {
        guard ["volume", "image", "snapshot", "blank"].contains(source) else {
          throw CommandFailure(message: "The source_type key of --block-device should be one of: volume, image, snapshot, blank")
        }
      } else {
        mapping["source_type"] = "blank"
      }
      if let destination = mapping["destination_type"]?.string {
        guard ["local", "volume"].contains(destination) else {
          throw CommandFailure(message: "The destination_type key of --block-device should be one of: local, volume")
        }
      } else {
        mapping["destination_type"] = mapping["source_type"]?.string == "blank" ? "local" : "volume"
      }
      if let value = mapping["delete_on_termination"]?.string {
        guard let flag = strictBool(value) else {
          throw CommandFailure(message: "The delete_on_termination key of --block-device should be a boolean-like value")
        }
        mapping["delete_on_termination"] = .bool(flag)
      } else if mapping["destination_type"]?.string == "local" {
        mapping["delete_on_termination"] = true
      }
      mappings.append(.object(mapping))
    }
    return mappings
  }

  /// oslo's `bool_from_string(strict=True)`, as `envvars.bool_from_str` calls it.
  private static func strictBool(_ text: String) -> Bool? {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "1", "t", "true", "on", "y", "yes": true
    case "0", "f", "false", "off", "n", "no": false
    default: nil
    }
  }
}

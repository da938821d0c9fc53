/// Nova's system metadata of a server (`instance_system_metadata`), in the order its rows were
/// written: what the API keeps of the boot image under `image_` (`utils.get_system_metadata_from_image`),
/// the image it came from, who booted it and with which roles, a lock's reason. A snapshot's
/// image properties are made from it (`utils.get_image_from_system_metadata`).
struct SystemMetadata: Sendable {
  private(set) var entries: [(key: String, value: String)] = []

  /// The keys too large for the table (`SM_SKIP_KEYS`), and the image attributes a server
  /// inherits (`SM_INHERITABLE_KEYS`).
  static let skipped: Set<String> = ["mappings", "block_device_mapping", "img_mappings", "img_block_device_mapping"]
  static let inheritable = ["min_ram", "min_disk", "disk_format", "container_format"]

  /// What `_populate_instance_for_create` writes, then what the compute host adds as it builds
  /// (`boot_roles`): `image` is `nil` for a server booted from a volume (whose image metadata
  /// is not kept).
  static func atBuild(image: ImageState.Image?, imageRef: String, flavor: CloudDefinition.Flavor?, caller: Caller) -> Self {
    var metadata = SystemMetadata()
    for (key, value) in fromImage(image, flavor: flavor) { metadata[key] = value }
    if metadata["image_base_image_ref"] == nil { metadata["image_base_image_ref"] = imageRef }
    metadata["owner_user_name"] = caller.userName
    metadata["owner_project_name"] = caller.projectName
    metadata["boot_roles"] = caller.roles.joined(separator: ",")
    return metadata
  }

  /// A rebuild's `_reset_image_metadata`: the old image's keys go, the new image's come after the
  /// others, and the image rebuilt from is the base.
  mutating func rebuild(from image: ImageState.Image, flavor: CloudDefinition.Flavor?) {
    entries.removeAll { $0.key.hasPrefix("image_") }
    for (key, value) in Self.fromImage(image, flavor: flavor) { self[key] = value }
    self["image_base_image_ref"] = image.id
  }

  /// `get_system_metadata_from_image`: the image's properties (cut to 255 characters), then its
  /// inheritable attributes; a disk at least the flavor's root disk, but for VHD images.
  private static func fromImage(_ image: ImageState.Image?, flavor: CloudDefinition.Flavor?) -> [(String, String)] {
    guard let image else { return [] }
    var entries = image.extraProperties.filter { !skipped.contains($0.0) }.map { ("image_" + $0.0, String($0.1.prefix(255))) }
    let minDisk = flavor.map { image.diskFormat == "vhd" ? $0.disk : max(image.minDisk, $0.disk) } ?? image.minDisk
    entries.append(("image_min_ram", String(image.minRam)))
    entries.append(("image_min_disk", String(minDisk)))
    if let format = image.diskFormat { entries.append(("image_disk_format", format)) }
    if let format = image.containerFormat { entries.append(("image_container_format", format)) }
    return entries
  }

  /// A key's value; setting one keeps its row, a new one comes last, `nil` deletes it.
  subscript(key: String) -> String? {
    get { entries.first { $0.key == key }?.value }
    set {
      let index = entries.firstIndex { $0.key == key }
      switch (index, newValue) {
      case (let index?, let value?): entries[index].value = value
      case (let index?, nil): entries.remove(at: index)
      case (nil, let value?): entries.append((key, value))
      case (nil, nil): break
      }
    }
  }
}

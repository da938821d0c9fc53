import CloudAPI

/// The client this module emulates, in one place: when the real client moves, this moves.
public enum EmulatedClient {
  public static let pythonOpenStackClient = "10.5.0"
  public static let pythonManilaClient = "6.3.0"
  public static let cliff = "4.17.0"
  public static let oscLib = "4.7.0"
  public static let openStackSDK = "4.22.0"
  public static let prettyTable = "3.18.0"

  /// The newest Shared File Systems microversion python-manilaclient 6.3.0 speaks
  /// (`manilaclient.api_versions.MAX_VERSION`); it negotiates down to the server's maximum.
  public static let shareMaxMicroversion = Microversion(2, 98)
}

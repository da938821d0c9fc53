/// The tracebacks Nova records when scheduling fails, frame for frame as its current code
/// raises them (nova/conductor/manager.py, nova/compute/utils.py at the release the emulation
/// follows): event tracebacks are `traceback.format_tb` of the failure, fault details the whole
/// exception.
enum Tracebacks {
  /// `cold_migrate`, the `EventReporter` around the conductor's cold migration.
  static let coldMigrateEvent = """
      File "/opt/stack/nova/nova/conductor/manager.py", line 345, in migrate_server
        self._cold_migrate(context, instance, flavor,
      File "/opt/stack/nova/nova/conductor/manager.py", line 414, in _cold_migrate
        raise exception.NoValidHost(reason=msg)

    """

  /// `conductor_migrate_server`, the `wrap_instance_event` around `migrate_server`.
  static let migrateServerEvent = """
      File "/opt/stack/nova/nova/compute/utils.py", line 1483, in decorated_function
        return function(self, context, *args, **kwargs)

    """ + coldMigrateEvent

  /// `conductor_schedule_and_build_instances` when no host can take a new server.
  static let scheduleEvent = """
      File "/opt/stack/nova/nova/conductor/manager.py", line 1666, in schedule_and_build_instances
        host_lists = self._schedule_instances(context, request_specs[0],
      File "/opt/stack/nova/nova/conductor/manager.py", line 954, in _schedule_instances
        host_lists = self.query_client.select_destinations(
      File "/opt/stack/nova/nova/scheduler/client/query.py", line 41, in select_destinations
        return self.scheduler_rpcapi.select_destinations(context, spec_obj,
      File "/opt/stack/nova/nova/scheduler/rpcapi.py", line 160, in select_destinations
        return cctxt.call(ctxt, 'select_destinations', **msg_args)

    """

  /// The fault of a failed resize: the exception with its frames.
  static func resizeFailure(_ message: String) -> String {
    "Traceback (most recent call last):\n" + migrateServerEvent + "nova.exception.NoValidHost: \(message)\n"
  }

  /// The fault of a server no host could take.
  static func scheduleFailure(_ message: String) -> String {
    "Traceback (most recent call last):\n" + scheduleEvent + "nova.exception.NoValidHost: \(message)\n"
  }
}

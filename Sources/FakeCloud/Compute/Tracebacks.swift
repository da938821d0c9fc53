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

    """ + selectDestinations

  /// `schedule_instances`, the `EventReporter` around the conductor's scheduling of an unshelve,
  /// when no host can take the server.
  static let unshelveScheduleEvent = """
      File "/opt/stack/nova/nova/conductor/manager.py", line 1096, in unshelve_instance
        host_lists = self._schedule_instances(context,

    """ + selectDestinations

  /// The conductor's `_schedule_instances` asking the scheduler, where both end.
  private static let selectDestinations = """
      File "/opt/stack/nova/nova/conductor/manager.py", line 954, in _schedule_instances
        host_lists = self.query_client.select_destinations(
      File "/opt/stack/nova/nova/scheduler/client/query.py", line 41, in select_destinations
        return self.scheduler_rpcapi.select_destinations(context, spec_obj,
      File "/opt/stack/nova/nova/scheduler/rpcapi.py", line 160, in select_destinations
        return cctxt.call(ctxt, 'select_destinations', **msg_args)

    """

  /// `get_image_info`, the `EventReporter` around the conductor's look-up of a shelved server's
  /// snapshot, when the image is gone (the `UnshelveException` it raises in its place).
  static let unshelveImageEvent = """
      File "/opt/stack/nova/nova/conductor/manager.py", line 1051, in unshelve_instance
        raise exception.UnshelveException(

    """

  /// `conductor_migrate_server` of a live migration the conductor refused: `wrap_instance_event`,
  /// `_live_migrate` and the task's `rollback_wrapper` re-raising through oslo.utils'
  /// `save_and_reraise_exception` (10.2), down to the check that raised (`step`).
  static func liveMigrateEvent(_ step: String) -> String {
    """
      File "/opt/stack/nova/nova/compute/utils.py", line 1483, in decorated_function
        return function(self, context, *args, **kwargs)
      File "/opt/stack/nova/nova/conductor/manager.py", line 339, in migrate_server
        self._live_migrate(context, instance, scheduler_hint,
      File "/opt/stack/nova/nova/conductor/manager.py", line 531, in _live_migrate
        with excutils.save_and_reraise_exception():

    """ + reraised
      + """
      File "/opt/stack/nova/nova/conductor/manager.py", line 517, in _live_migrate
        task.execute()
      File "/opt/stack/nova/nova/conductor/tasks/base.py", line 25, in wrap
        with excutils.save_and_reraise_exception():

    """ + reraised
      + """
      File "/opt/stack/nova/nova/conductor/tasks/base.py", line 23, in wrap
        return original(self)
      File "/opt/stack/nova/nova/conductor/tasks/base.py", line 40, in execute
        return self._execute()

    """ + step
  }

  /// `save_and_reraise_exception` raising the exception it saved again.
  private static let reraised = """
      File "/opt/stack/data/venv/lib/python3.12/site-packages/oslo_utils/excutils.py", line 260, in __exit__
        self.force_reraise()
      File "/opt/stack/data/venv/lib/python3.12/site-packages/oslo_utils/excutils.py", line 226, in force_reraise
        raise self.value

    """

  /// The scheduler finding no destination (`_find_destination`).
  static let findDestination = """
      File "/opt/stack/nova/nova/conductor/tasks/live_migrate.py", line 100, in _execute
        self.destination, dest_node, self.limits = self._find_destination()
      File "/opt/stack/nova/nova/conductor/tasks/live_migrate.py", line 544, in _find_destination
        selection_lists = self.query_client.select_destinations(
      File "/opt/stack/nova/nova/scheduler/client/query.py", line 41, in select_destinations
        return self.scheduler_rpcapi.select_destinations(context, spec_obj,
      File "/opt/stack/nova/nova/scheduler/rpcapi.py", line 160, in select_destinations
        return cctxt.call(ctxt, 'select_destinations', **msg_args)

    """

  /// A forced destination that is the source (`_check_destination_is_not_source`).
  static let destinationIsSource = """
      File "/opt/stack/nova/nova/conductor/tasks/live_migrate.py", line 106, in _execute
        self._check_destination_is_not_source()
      File "/opt/stack/nova/nova/conductor/tasks/live_migrate.py", line 328, in _check_destination_is_not_source
        raise exception.UnableToMigrateToSelf(

    """

  /// A host whose compute service is down (`_check_host_is_up`), the source or a forced destination.
  static func checkHostIsUp(source: Bool) -> String {
    """
      File "/opt/stack/nova/nova/conductor/tasks/live_migrate.py", line \(source ? 84 : 107), in _execute
        self._check_host_is_up(self.\(source ? "source" : "destination"))
      File "/opt/stack/nova/nova/conductor/tasks/live_migrate.py", line 305, in _check_host_is_up
        raise exception.ComputeServiceUnavailable(host=host)

    """
  }

  /// The fault of a failed resize: the exception with its frames.
  static func resizeFailure(_ message: String) -> String {
    "Traceback (most recent call last):\n" + migrateServerEvent + "nova.exception.NoValidHost: \(message)\n"
  }

  /// The fault of a server no host could take.
  static func scheduleFailure(_ message: String) -> String {
    "Traceback (most recent call last):\n" + scheduleEvent + "nova.exception.NoValidHost: \(message)\n"
  }
}

/// The command names of python-openstackclient 10.5.0 with python-manilaclient 6.3.0 (cliff
/// 4.17.0), as its command manager lists them (`openstack ''` prints every one): one name a line,
/// sorted by their bytes. In the source rather than a resource file: finding a bundle's
/// resource on Linux cost every process about as much as the rest of a `--help`.
extension CommandNames {
  static let list = """
    accelerator arq bind
    accelerator arq create
    accelerator arq delete
    accelerator arq list
    accelerator arq show
    accelerator arq unbind
    accelerator deployable list
    accelerator deployable program
    accelerator deployable show
    accelerator device attribute create
    accelerator device attribute delete
    accelerator device attribute list
    accelerator device attribute show
    accelerator device disable
    accelerator device enable
    accelerator device list
    accelerator device profile create
    accelerator device profile delete
    accelerator device profile list
    accelerator device profile show
    accelerator device show
    access rule delete
    access rule list
    access rule show
    access token create
    address group create
    address group delete
    address group list
    address group set
    address group show
    address group unset
    address scope create
    address scope delete
    address scope list
    address scope set
    address scope show
    aggregate add host
    aggregate cache image
    aggregate create
    aggregate delete
    aggregate list
    aggregate remove host
    aggregate set
    aggregate show
    aggregate unset
    application credential create
    application credential delete
    application credential list
    application credential show
    availability zone list
    bgp dragent add speaker
    bgp dragent list
    bgp dragent remove speaker
    bgp peer create
    bgp peer delete
    bgp peer list
    bgp peer set
    bgp peer show
    bgp speaker add network
    bgp speaker add peer
    bgp speaker create
    bgp speaker delete
    bgp speaker list
    bgp speaker list advertised routes
    bgp speaker remove network
    bgp speaker remove peer
    bgp speaker set
    bgp speaker show
    bgpvpn create
    bgpvpn delete
    bgpvpn list
    bgpvpn network association create
    bgpvpn network association delete
    bgpvpn network association list
    bgpvpn network association show
    bgpvpn port association create
    bgpvpn port association delete
    bgpvpn port association list
    bgpvpn port association set
    bgpvpn port association show
    bgpvpn port association unset
    bgpvpn router association create
    bgpvpn router association delete
    bgpvpn router association list
    bgpvpn router association set
    bgpvpn router association show
    bgpvpn router association unset
    bgpvpn set
    bgpvpn show
    bgpvpn unset
    block storage cleanup
    block storage cluster list
    block storage cluster set
    block storage cluster show
    block storage log level list
    block storage log level set
    block storage resource filter list
    block storage resource filter show
    block storage snapshot manageable list
    block storage volume manageable list
    cached image clear
    cached image delete
    cached image list
    cached image queue
    catalog list
    catalog show
    cloud cache delete
    command list
    complete
    compute agent create
    compute agent delete
    compute agent list
    compute agent set
    compute service delete
    compute service list
    compute service set
    configuration show
    consistency group add volume
    consistency group create
    consistency group delete
    consistency group list
    consistency group remove volume
    consistency group set
    consistency group show
    consistency group snapshot create
    consistency group snapshot delete
    consistency group snapshot list
    consistency group snapshot show
    console connection show
    console log show
    console url show
    consumer create
    consumer delete
    consumer list
    consumer set
    consumer show
    container create
    container delete
    container list
    container save
    container set
    container show
    container unset
    credential create
    credential delete
    credential list
    credential set
    credential show
    default security group rule create
    default security group rule delete
    default security group rule list
    default security group rule show
    domain create
    domain delete
    domain list
    domain set
    domain show
    ec2 credentials create
    ec2 credentials delete
    ec2 credentials list
    ec2 credentials show
    endpoint add project
    endpoint create
    endpoint delete
    endpoint group add project
    endpoint group create
    endpoint group delete
    endpoint group list
    endpoint group remove project
    endpoint group set
    endpoint group show
    endpoint list
    endpoint remove project
    endpoint set
    endpoint show
    extension list
    extension show
    federation domain list
    federation project list
    federation protocol create
    federation protocol delete
    federation protocol list
    federation protocol set
    federation protocol show
    firewall group create
    firewall group delete
    firewall group list
    firewall group policy add rule
    firewall group policy create
    firewall group policy delete
    firewall group policy list
    firewall group policy remove rule
    firewall group policy set
    firewall group policy show
    firewall group policy unset
    firewall group rule create
    firewall group rule delete
    firewall group rule list
    firewall group rule set
    firewall group rule show
    firewall group rule unset
    firewall group set
    firewall group show
    firewall group unset
    flavor create
    flavor delete
    flavor list
    flavor set
    flavor show
    flavor unset
    floating ip create
    floating ip delete
    floating ip list
    floating ip port forwarding create
    floating ip port forwarding delete
    floating ip port forwarding list
    floating ip port forwarding set
    floating ip port forwarding show
    floating ip set
    floating ip show
    floating ip unset
    group add user
    group contains user
    group create
    group delete
    group list
    group remove user
    group set
    group show
    help
    host list
    host set
    host show
    hypervisor list
    hypervisor show
    hypervisor stats show
    identity provider create
    identity provider delete
    identity provider list
    identity provider set
    identity provider show
    image add project
    image create
    image delete
    image import
    image import info
    image list
    image member get
    image member list
    image metadef namespace create
    image metadef namespace delete
    image metadef namespace list
    image metadef namespace set
    image metadef namespace show
    image metadef namespace unset
    image metadef object create
    image metadef object delete
    image metadef object list
    image metadef object property show
    image metadef object show
    image metadef object update
    image metadef property create
    image metadef property delete
    image metadef property list
    image metadef property set
    image metadef property show
    image metadef resource type association create
    image metadef resource type association delete
    image metadef resource type association list
    image metadef resource type list
    image remove project
    image save
    image set
    image show
    image stage
    image stores list
    image task list
    image task show
    image unset
    implied role create
    implied role delete
    implied role list
    ip availability list
    ip availability show
    keypair create
    keypair delete
    keypair list
    keypair show
    limit create
    limit delete
    limit list
    limit set
    limit show
    limits show
    local ip association create
    local ip association delete
    local ip association list
    local ip create
    local ip delete
    local ip list
    local ip set
    local ip show
    mapping create
    mapping delete
    mapping list
    mapping set
    mapping show
    module list
    network agent add network
    network agent add router
    network agent delete
    network agent list
    network agent remove network
    network agent remove router
    network agent router set
    network agent set
    network agent show
    network auto allocated topology create
    network auto allocated topology delete
    network create
    network delete
    network flavor add profile
    network flavor create
    network flavor delete
    network flavor list
    network flavor profile create
    network flavor profile delete
    network flavor profile list
    network flavor profile set
    network flavor profile show
    network flavor remove profile
    network flavor set
    network flavor show
    network l3 conntrack helper create
    network l3 conntrack helper delete
    network l3 conntrack helper list
    network l3 conntrack helper set
    network l3 conntrack helper show
    network list
    network meter create
    network meter delete
    network meter list
    network meter rule create
    network meter rule delete
    network meter rule list
    network meter rule show
    network meter show
    network onboard subnet
    network qos policy create
    network qos policy delete
    network qos policy list
    network qos policy set
    network qos policy show
    network qos rule create
    network qos rule delete
    network qos rule list
    network qos rule set
    network qos rule show
    network qos rule type list
    network qos rule type show
    network rbac create
    network rbac delete
    network rbac list
    network rbac set
    network rbac show
    network segment create
    network segment delete
    network segment list
    network segment range create
    network segment range delete
    network segment range list
    network segment range set
    network segment range show
    network segment set
    network segment show
    network service provider list
    network set
    network show
    network subport list
    network trunk create
    network trunk delete
    network trunk list
    network trunk set
    network trunk show
    network trunk subport add
    network trunk subport list
    network trunk subport remove
    network trunk unset
    network unset
    object create
    object delete
    object list
    object save
    object set
    object show
    object store account set
    object store account show
    object store account unset
    object unset
    policy create
    policy delete
    policy list
    policy set
    policy show
    port create
    port delete
    port list
    port set
    port show
    port unset
    project cleanup
    project create
    project delete
    project list
    project set
    project show
    quota delete
    quota list
    quota set
    quota show
    region create
    region delete
    region list
    region set
    region show
    registered limit create
    registered limit delete
    registered limit list
    registered limit set
    registered limit show
    request token authorize
    request token create
    role add
    role assignment list
    role create
    role delete
    role list
    role remove
    role set
    role show
    router add gateway
    router add port
    router add route
    router add subnet
    router create
    router delete
    router list
    router ndp proxy create
    router ndp proxy delete
    router ndp proxy list
    router ndp proxy set
    router ndp proxy show
    router remove gateway
    router remove port
    router remove route
    router remove subnet
    router set
    router show
    router unset
    security group create
    security group default statefulness create
    security group default statefulness delete
    security group default statefulness list
    security group default statefulness set
    security group default statefulness show
    security group delete
    security group list
    security group rule create
    security group rule delete
    security group rule list
    security group rule show
    security group set
    security group show
    security group unset
    server add fixed ip
    server add floating ip
    server add network
    server add port
    server add security group
    server add share
    server add volume
    server backup create
    server create
    server delete
    server dump create
    server evacuate
    server event list
    server event show
    server group create
    server group delete
    server group list
    server group show
    server image create
    server list
    server lock
    server migrate
    server migrate confirm
    server migrate revert
    server migration abort
    server migration confirm
    server migration force complete
    server migration list
    server migration revert
    server migration show
    server pause
    server reboot
    server rebuild
    server remove fixed ip
    server remove floating ip
    server remove network
    server remove port
    server remove security group
    server remove share
    server remove volume
    server rescue
    server resize
    server resize confirm
    server resize revert
    server restore
    server resume
    server set
    server share list
    server share show
    server shelve
    server show
    server ssh
    server start
    server stop
    server suspend
    server unlock
    server unpause
    server unrescue
    server unset
    server unshelve
    server volume list
    server volume set
    server volume update
    service create
    service delete
    service list
    service provider create
    service provider delete
    service provider list
    service provider set
    service provider show
    service set
    service show
    share abandon
    share access create
    share access delete
    share access list
    share access set
    share access show
    share access unset
    share adopt
    share availability zone list
    share backup create
    share backup delete
    share backup list
    share backup restore
    share backup set
    share backup show
    share backup unset
    share create
    share delete
    share export location list
    share export location set
    share export location show
    share export location unset
    share group create
    share group delete
    share group list
    share group set
    share group show
    share group snapshot create
    share group snapshot delete
    share group snapshot list
    share group snapshot members list
    share group snapshot set
    share group snapshot show
    share group snapshot unset
    share group type access create
    share group type access delete
    share group type access list
    share group type create
    share group type delete
    share group type list
    share group type set
    share group type show
    share group type unset
    share group unset
    share instance delete
    share instance export location list
    share instance export location show
    share instance list
    share instance set
    share instance show
    share limits show
    share list
    share lock create
    share lock delete
    share lock list
    share lock set
    share lock show
    share lock unset
    share message delete
    share message list
    share message show
    share migration cancel
    share migration complete
    share migration show
    share migration start
    share network create
    share network delete
    share network list
    share network set
    share network show
    share network subnet create
    share network subnet delete
    share network subnet set
    share network subnet show
    share network subnet unset
    share network unset
    share pool list
    share properties show
    share qos type create
    share qos type delete
    share qos type list
    share qos type set
    share qos type show
    share qos type unset
    share quota delete
    share quota set
    share quota show
    share replica create
    share replica delete
    share replica export location list
    share replica export location show
    share replica list
    share replica promote
    share replica resync
    share replica set
    share replica show
    share replica unset
    share resize
    share restore
    share revert
    share security service create
    share security service delete
    share security service list
    share security service set
    share security service show
    share security service unset
    share server abandon
    share server adopt
    share server delete
    share server list
    share server migration cancel
    share server migration complete
    share server migration show
    share server migration start
    share server set
    share server show
    share service ensure shares
    share service list
    share service set
    share set
    share show
    share snapshot abandon
    share snapshot access create
    share snapshot access delete
    share snapshot access list
    share snapshot adopt
    share snapshot create
    share snapshot delete
    share snapshot export location list
    share snapshot export location show
    share snapshot instance export location list
    share snapshot instance export location show
    share snapshot instance list
    share snapshot instance set
    share snapshot instance show
    share snapshot list
    share snapshot set
    share snapshot show
    share snapshot unset
    share transfer accept
    share transfer create
    share transfer delete
    share transfer list
    share transfer show
    share type access create
    share type access delete
    share type access list
    share type create
    share type delete
    share type list
    share type set
    share type show
    share type unset
    share unset
    subnet create
    subnet delete
    subnet list
    subnet pool add network
    subnet pool create
    subnet pool delete
    subnet pool list
    subnet pool set
    subnet pool show
    subnet pool unset
    subnet set
    subnet show
    subnet unset
    tap flow create
    tap flow delete
    tap flow list
    tap flow show
    tap flow update
    tap mirror create
    tap mirror delete
    tap mirror list
    tap mirror show
    tap mirror update
    tap service create
    tap service delete
    tap service list
    tap service show
    tap service update
    token issue
    token revoke
    trust create
    trust delete
    trust list
    trust show
    usage list
    usage show
    user create
    user delete
    user list
    user password set
    user set
    user show
    versions show
    volume attachment complete
    volume attachment create
    volume attachment delete
    volume attachment list
    volume attachment set
    volume attachment show
    volume backend capability show
    volume backend pool list
    volume backup create
    volume backup delete
    volume backup list
    volume backup record export
    volume backup record import
    volume backup restore
    volume backup set
    volume backup show
    volume backup unset
    volume create
    volume delete
    volume group add volume
    volume group create
    volume group delete
    volume group failover
    volume group list
    volume group remove volume
    volume group set
    volume group show
    volume group snapshot create
    volume group snapshot delete
    volume group snapshot list
    volume group snapshot show
    volume group type create
    volume group type delete
    volume group type list
    volume group type set
    volume group type show
    volume host failover
    volume host set
    volume list
    volume message delete
    volume message list
    volume message show
    volume migrate
    volume qos associate
    volume qos create
    volume qos delete
    volume qos disassociate
    volume qos list
    volume qos set
    volume qos show
    volume qos unset
    volume revert
    volume service list
    volume service set
    volume set
    volume show
    volume snapshot create
    volume snapshot delete
    volume snapshot list
    volume snapshot set
    volume snapshot show
    volume snapshot unset
    volume summary
    volume transfer request accept
    volume transfer request create
    volume transfer request delete
    volume transfer request list
    volume transfer request show
    volume type create
    volume type delete
    volume type list
    volume type set
    volume type show
    volume type unset
    volume unset
    vpn endpoint group create
    vpn endpoint group delete
    vpn endpoint group list
    vpn endpoint group set
    vpn endpoint group show
    vpn ike policy create
    vpn ike policy delete
    vpn ike policy list
    vpn ike policy set
    vpn ike policy show
    vpn ipsec policy create
    vpn ipsec policy delete
    vpn ipsec policy list
    vpn ipsec policy set
    vpn ipsec policy show
    vpn ipsec site connection create
    vpn ipsec site connection delete
    vpn ipsec site connection list
    vpn ipsec site connection set
    vpn ipsec site connection show
    vpn service create
    vpn service delete
    vpn service list
    vpn service set
    vpn service show
    """
}

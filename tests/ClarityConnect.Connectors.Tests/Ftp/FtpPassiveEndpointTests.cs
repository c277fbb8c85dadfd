using System.Net;
using ClarityConnect.Connectors.Ftp;

namespace ClarityConnect.Connectors.Tests.Ftp;

public sealed class FtpPassiveEndpointTests
{
    private static readonly IPAddress PublicServer = IPAddress.Parse("203.0.113.10");

    [Fact]
    public void Epsv_uses_the_control_connection_address_and_the_given_port() =>
        Assert.Equal(
            new IPEndPoint(PublicServer, 50123),
            FtpPassiveEndpoint.FromEpsv("229 Entering Extended Passive Mode (|||50123|)", PublicServer));

    [Fact]
    public void Pasv_with_a_private_address_behind_nat_uses_the_control_connection_address() =>
        Assert.Equal(
            new IPEndPoint(PublicServer, (195 << 8) + 80),
            FtpPassiveEndpoint.FromPasv("227 Entering Passive Mode (10,0,0,5,195,80).", PublicServer));

    [Fact]
    public void Pasv_with_a_routable_address_uses_it() =>
        Assert.Equal(
            new IPEndPoint(IPAddress.Parse("198.51.100.7"), 1025),
            FtpPassiveEndpoint.FromPasv("227 Entering Passive Mode (198,51,100,7,4,1)", PublicServer));

    [Fact]
    public void Pasv_matching_a_private_control_address_uses_it() =>
        Assert.Equal(
            new IPEndPoint(IPAddress.Loopback, 21000),
            FtpPassiveEndpoint.FromPasv("227 Entering Passive Mode (127,0,0,1,82,8).", IPAddress.Loopback));

    [Theory]
    [InlineData("229 Entering Extended Passive Mode (|||0|)")]
    [InlineData("229 Entering Extended Passive Mode (|||99999|)")]
    [InlineData("229 nonsense")]
    public void Malformed_epsv_replies_are_rejected(string reply) =>
        Assert.Null(FtpPassiveEndpoint.FromEpsv(reply, PublicServer));

    [Theory]
    [InlineData("227 Entering Passive Mode (300,0,0,1,4,1)")]
    [InlineData("227 Entering Passive Mode (1,2,3,4,0,0)")]
    [InlineData("227 nonsense")]
    public void Malformed_pasv_replies_are_rejected(string reply) =>
        Assert.Null(FtpPassiveEndpoint.FromPasv(reply, PublicServer));
}

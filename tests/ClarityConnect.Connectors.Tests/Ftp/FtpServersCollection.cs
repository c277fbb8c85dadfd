namespace ClarityConnect.Connectors.Tests.Ftp;

/// <summary>The FTP tests share one pair of vsftpd servers.</summary>
[CollectionDefinition(Name)]
public sealed class FtpServersCollection : ICollectionFixture<FtpServersFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "vsftpd";
}

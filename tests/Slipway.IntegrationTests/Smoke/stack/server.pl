# A tiny HTTP/1.0 server for the smoke integration tests (perl-base is all debian:bookworm-slim has):
# every request gets JSON naming the service, method and path; /missing gets a 404.
use strict;
use warnings;
use IO::Socket::INET;

my ($name, $port) = @ARGV;
my $server = IO::Socket::INET->new(LocalAddr => '0.0.0.0', LocalPort => $port, Listen => 16, ReuseAddr => 1) or die "listen on $port: $!";
$SIG{TERM} = sub { exit 0 };
while (my $client = $server->accept) {
    my $request = <$client>;
    next unless defined $request;
    my ($method, $path) = split ' ', $request;
    my $length = 0;
    while (my $header = <$client>) {
        last if $header =~ /^\r?\n$/;
        $length = $1 if $header =~ /^Content-Length:\s*(\d+)/i;
    }
    read($client, my $ignored, $length) if $length;
    my ($status, $body) = $path eq '/missing'
        ? ('404 Not Found', '{"error":"missing"}')
        : ('200 OK', qq({"service":"$name","method":"$method","path":"$path"}));
    print $client "HTTP/1.0 $status\r\nContent-Type: application/json\r\nContent-Length: " . length($body) . "\r\nConnection: close\r\n\r\n$body";
    close $client;
}

package dev.parley.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointTest {

    @ParameterizedTest
    @CsvSource({"lab.local,lab.local,6667", "10.0.0.5:7000,10.0.0.5,7000", "chat://10.0.0.5:7000,10.0.0.5,7000",
            "irc://host:1/,host,1", "[::1]:6697,::1,6697", "[fe80::1],fe80::1,6667", "::1,::1,6667"})
    void parsesAddresses(String text, String host, int port) {
        assertEquals(new Endpoint.Relay(host, port), Endpoint.parseRelay(text));
    }

    @ParameterizedTest
    @CsvSource({"'',no host", "host:0,not from 1 to 65535", "host:x,not a number", ":6667,no host", "[::1,unclosed"})
    void refusesBadAddresses(String text, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parseRelay(text));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}

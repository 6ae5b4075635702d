package dev.parley.client;

import dev.parley.transport.HistoryRequest;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.Transport;
import dev.parley.transport.TransportListener;
import java.util.ArrayList;
import java.util.List;

/** A transport that records what the service asks of it; the test plays the network through {@link #listener}. */
public final class FakeTransport implements Transport {

    public final List<String> calls = new ArrayList<>();
    public final List<OutgoingMessage> sent = new ArrayList<>();
    public final List<HistoryRequest> historyRequests = new ArrayList<>();
    public TransportListener listener;
    public boolean closed;

    /** A factory for a service under test: each transport it makes is added to {@code made}, for the test to play the network. */
    public static TransportFactory into(List<FakeTransport> made) {
        return (endpoint, nick) -> {
            FakeTransport t = new FakeTransport();
            made.add(t);
            return t;
        };
    }

    @Override
    public void start(TransportListener l) {
        listener = l;
        calls.add("start");
    }

    @Override
    public void join(String channel, String key) {
        calls.add("join " + channel + (key == null ? "" : " " + key));
    }

    @Override
    public void part(String channel, String reason) {
        calls.add("part " + channel + (reason == null ? "" : " :" + reason));
    }

    @Override
    public void send(OutgoingMessage message) {
        sent.add(message);
        calls.add("send " + message.target() + " :" + message.text());
    }

    @Override
    public void changeNick(String nick) {
        calls.add("nick " + nick);
    }

    @Override
    public void setTopic(String channel, String topic) {
        calls.add("topic " + channel + " :" + topic);
    }

    @Override
    public void setAway(String message) {
        calls.add("away" + (message == null ? "" : " :" + message));
    }

    @Override
    public void requestChannelList() {
        calls.add("list");
    }

    @Override
    public void requestMembers(String channel) {
        calls.add("names " + channel);
    }

    @Override
    public void requestWho(String target) {
        calls.add("who " + target);
    }

    @Override
    public void requestHistory(HistoryRequest request) {
        historyRequests.add(request);
        calls.add("history " + request.target());
    }

    @Override
    public void reconnectNow() {
        calls.add("reconnect");
    }

    @Override
    public void quit(String reason) {
        calls.add("quit" + (reason == null ? "" : " :" + reason));
    }

    @Override
    public String endpoint() {
        return "fake:6667";
    }

    @Override
    public void close() {
        closed = true;
    }
}

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>MainWindow</name>
    <message>
        <source>Shop Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelayCheck</name>
    <message>
        <source>Connected. Your relay answers and accepts the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That does not look like a web address. It should look like https://relay.myshop.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address starts with http://, so your token would travel unencrypted over the internet. Use the https:// address of your relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay could not be reached. Check the address, your internet connection, and that the relay is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something answered at this address, but it is not a Shop Inbox relay. Check the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay refused the token. Copy it again from the relay (shop-inbox-relay token) and paste it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay had a problem answering. Try again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelayPage</name>
    <message>
        <source>RelayCheck</source>
        <comment>Connect to your relay</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>RelayCheck</source>
        <comment>The relay is the small always-on server that receives your WhatsApp messages. Paste its address and the token it printed.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>Paste the relay token</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>Check connection</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>How do I set up a relay?</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>Relay address</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>Token</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>Checking…</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the current token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token stored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter sends the message (Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a notification for new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the message text in notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send read receipts (blue ticks) to customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language is used after Shop Inbox restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo is connected to its own simulated relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using {size} on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your current chats will be replaced by the ones in the backup. They are kept aside in the data folder, not deleted. Continue?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>RelayCheck</source>
        <comment>Set up Shop Inbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>Welcome to Shop Inbox</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>Answer your WhatsApp customers from this computer.</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>RelayCheck</source>
        <comment>To connect your shop&apos;s WhatsApp number you need its relay address and token. Not ready yet? Try the demo shop first: nothing you do there touches your own data.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>Try the demo</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>RelayCheck</source>
        <comment>Your shop</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>Used to show phone numbers and prices the way your customers write them.</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>Country</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RelayCheck</source>
        <comment>Currency</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Shop Inbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

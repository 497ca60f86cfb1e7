<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AudienceBox</name>
    <message>
        <source>With no label ticked, it goes to every customer who meets the conditions below.</source>
        <translation>With no label checked, it goes to every customer who meets the conditions below.</translation>
    </message>
    <message>
        <source>With no label ticked, it goes to every customer.</source>
        <translation>With no label checked, it goes to every customer.</translation>
    </message>
    </context>
<context>
    <name>BatchMessagesDialog</name>
    <message>
        <source>&amp;Send ticked messages</source>
        <translation>&amp;Send checked messages</translation>
    </message>
    </context>
<context>
    <name>BotEditor</name>
    <message>
        <source>"{0}" alone answers only a message that is exactly "{0}": tick "Match whole words only" to find it inside sentences.</source>
        <translation>"{0}" alone answers only a message that is exactly "{0}": check "Match whole words only" to find it inside sentences.</translation>
    </message>
    </context>
<context>
    <name>BulkNoticeDialog</name>
    <message numerus="yes">
        <source>%Ln order(s) cancelled because the payment deadline passed — tell the customers?</source>
        <translation><numerusform>%Ln order canceled because the payment deadline passed — tell the customer?</numerusform><numerusform>%Ln orders canceled because the payment deadline passed — tell the customers?</numerusform></translation>
    </message>
    <message>
        <source>1 order cancelled because the payment deadline passed — tell the customer?</source>
        <translation>1 order canceled because the payment deadline passed — tell the customer?</translation>
    </message>
    <message>
        <source>Untick a customer to leave them out.</source>
        <translation>Uncheck a customer to leave them out.</translation>
    </message>
    </context>
<context>
    <name>CatalogCsv</name>
    <message>
        <source>Import catalogue</source>
        <translation>Import catalog</translation>
    </message>
    <message>
        <source>Catalogue imported</source>
        <translation>Catalog imported</translation>
    </message>
    <message>
        <source>Saved {0}. It can be uploaded to Meta Commerce Manager as a data feed. Excel on this computer opens it in one column: to edit the catalogue in Excel, export an Excel workbook (.xlsx).</source>
        <translation>Saved {0}. It can be uploaded to Meta Commerce Manager as a data feed. Excel on this computer opens it in one column: to edit the catalog in Excel, export an Excel workbook (.xlsx).</translation>
    </message>
    <message>
        <source>Export catalogue</source>
        <translation>Export catalog</translation>
    </message>
    <message>
        <source>catalogue.xlsx</source>
        <translation>catalog.xlsx</translation>
    </message>
    <message>
        <source>catalogue.csv</source>
        <translation>catalog.csv</translation>
    </message>
    <message>
        <source>Catalogue exported</source>
        <translation>Catalog exported</translation>
    </message>
</context>
<context>
    <name>CatalogPicker</name>
    <message>
        <source>Send from catalogue</source>
        <translation>Send from catalog</translation>
    </message>
    <message>
        <source>Search the catalogue</source>
        <translation>Search the catalog</translation>
    </message>
    <message>
        <source>Catalogue items</source>
        <translation>Catalog items</translation>
    </message>
    <message>
        <source>&amp;Open catalogue</source>
        <translation>&amp;Open catalog</translation>
    </message>
    <message>
        <source>Your catalogue is empty: add your products in Shop ▸ Catalogue, then send them here.</source>
        <translation>Your catalog is empty: add your products in Shop ▸ Catalog, then send them here.</translation>
    </message>
    </context>
<context>
    <name>CatalogSendAction</name>
    <message>
        <source>Send from the catalogue (#)</source>
        <translation>Send from the catalog (#)</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catalog</translation>
    </message>
    </context>
<context>
    <name>CatalogWindow</name>
    <message>
        <source>Catalogue</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <source>Catalogue items</source>
        <translation>Catalog items</translation>
    </message>
    <message>
        <source>The catalogue is kept on this computer only: another computer connected to the same relay has its own.</source>
        <translation>The catalog is kept on this computer only: another computer connected to the same relay has its own.</translation>
    </message>
    <message>
        <source>Meta catalo&amp;gue…</source>
        <translation>Meta catalo&amp;g…</translation>
    </message>
    <message>
        <source>Search the catalogue</source>
        <translation>Search the catalog</translation>
    </message>
    <message>
        <source>Your catalogue is empty.
Add an item, or import a CSV file from Excel or Meta.</source>
        <translation>Your catalog is empty.
Add an item, or import a CSV file from Excel or Meta.</translation>
    </message>
    <message>
        <source>Meta catalogue</source>
        <translation>Meta catalog</translation>
    </message>
    <message>
        <source>If your items are also in a Meta Commerce Manager catalogue connected to your WhatsApp number, enter its catalogue id: items are then sent as WhatsApp product messages.
Leave it empty to send pictures with name and price instead.</source>
        <translation>If your items are also in a Meta Commerce Manager catalog connected to your WhatsApp number, enter its catalog id: items are then sent as WhatsApp product messages.
Leave it empty to send pictures with name and price instead.</translation>
    </message>
    <message>
        <source>A catalogue id is made of digits only.</source>
        <translation>A catalog id is made of digits only.</translation>
    </message>
</context>
<context>
    <name>ChatExport</name>
    <message>
        <source>Cancelling…</source>
        <translation>Canceling…</translation>
    </message>
    </context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Sample files to try are in {0}:
a bank statement for Shop ▸ Match bank deposits, and a courier's file for Tracking numbers in the Orders window.</source>
        <translation>Sample files to try are in {0}:
a bank statement for Shop ▸ Match bank deposits, and a carrier's file for Tracking numbers in the Orders window.</translation>
    </message>
    <message>
        <source>This message may already be on its way to WhatsApp, so it can no longer be cancelled. Its ticks show what happens to it.</source>
        <translation>This message may already be on its way to WhatsApp, so it can no longer be canceled. Its check marks show what happens to it.</translation>
    </message>
    </context>
<context>
    <name>CollectionActions</name>
    <message>
        <source>Delete this collection? Its items stay in the catalogue.</source>
        <translation>Delete this collection? Its items stay in the catalog.</translation>
    </message>
    </context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Your relay has been answered from another computer too: the messages it still keeps are here now. Labels, quick replies, orders, the catalogue and older chats stay on that computer. To have them here as well, choose File ▸ Back up now there, then File ▸ Restore from backup here.</source>
        <translation>Your relay has been answered from another computer too: the messages it still keeps are here now. Labels, quick replies, orders, the catalog and older chats stay on that computer. To have them here as well, choose File ▸ Back up now there, then File ▸ Restore from backup here.</translation>
    </message>
    </context>
<context>
    <name>ConsentBox</name>
    <message>
        <source>An ad also needs “{0}” ticked. Until it is, campaigns leave this customer out: tick it only if the customer agreed to that too.</source>
        <translation>An ad also needs “{0}” checked. Until it is, campaigns leave this customer out: check it only if the customer agreed to that too.</translation>
    </message>
    <message>
        <source>Agreed on {0}, ended by the opt-out below. Tick it only when the customer agrees again.</source>
        <translation>Agreed on {0}, ended by the opt-out below. Check it only when the customer agrees again.</translation>
    </message>
    </context>
<context>
    <name>DemoSplash</name>
    <message>
        <source>Writing the demo shop's chats, catalogue and orders…</source>
        <translation>Writing the demo shop's chats, catalog and orders…</translation>
    </message>
    </context>
<context>
    <name>DepositDialog</name>
    <message>
        <source>Download the account's transactions from your bank as an Excel (.xlsx) or CSV file and open it here. Deposits are matched to orders awaiting payment by depositor name and amount; one deposit for several of a customer's orders, by their total; tick the ones to confirm. A deposit under another name is matched by amount only, and one for a new order not yet asked for payment as such; both are left for you.</source>
        <translation>Download the account's transactions from your bank as an Excel (.xlsx) or CSV file and open it here. Deposits are matched to orders awaiting payment by depositor name and amount; one deposit for several of a customer's orders, by their total; check the ones to confirm. A deposit under another name is matched by amount only, and one for a new order not yet asked for payment as such; both are left for you.</translation>
    </message>
    <message>
        <source>Download the account's transactions from your bank as an Excel (.xlsx) or CSV file and open it here. Payments are matched to orders awaiting payment by payment reference and amount; one payment for several of a customer's orders, by their total; tick the ones to confirm. A payment with another reference is matched by amount only, and one for a new order not yet asked for payment as such; both are left for you.</source>
        <translation>Download the account's transactions from your bank as an Excel (.xlsx) or CSV file and open it here. Payments are matched to orders awaiting payment by payment reference and amount; one payment for several of a customer's orders, by their total; check the ones to confirm. A payment with another reference is matched by amount only, and one for a new order not yet asked for payment as such; both are left for you.</translation>
    </message>
    <message>
        <source>{0} · {1} was cancelled when its payment deadline passed. {2} of a deposit that pays {3} is free since the order was moved back. Restore it as paid with that part (its items are taken from stock again), or leave that part to be refunded (noted in the order's history).</source>
        <translation>{0} · {1} was canceled when its payment deadline passed. {2} of a deposit that pays {3} is free since the order was moved back. Restore it as paid with that part (its items are taken from stock again), or leave that part to be refunded (noted in the order's history).</translation>
    </message>
    <message>
        <source>{0} · {1} was cancelled when its payment deadline passed, and {2} came afterwards. Restore it as paid (its items are taken from stock again), or leave the money to be refunded (noted in the order's history).</source>
        <translation>{0} · {1} was canceled when its payment deadline passed, and {2} came afterwards. Restore it as paid (its items are taken from stock again), or leave the money to be refunded (noted in the order's history).</translation>
    </message>
    <message>
        <source>The order stays cancelled: add the new stock in the catalogue and try again, or leave the money for a refund.</source>
        <translation>The order stays canceled: add the new stock in the catalog and try again, or leave the money for a refund.</translation>
    </message>
</context>
<context>
    <name>DepositModel</name>
    <message>
        <source>Its order was cancelled when the payment deadline passed ({0}): choose below</source>
        <translation>Its order was canceled when the payment deadline passed ({0}): choose below</translation>
    </message>
    <message numerus="yes">
        <source>Name only: her %Ln deposits in this file add up to the order's {0}: ticked together, they mark it paid</source>
        <translation><numerusform>Name only: her %Ln deposit in this file is the order's {0}: checked, it marks the order paid</numerusform><numerusform>Name only: her %Ln deposits in this file add up to the order's {0}: checked together, they mark it paid</numerusform></translation>
    </message>
    </context>
<context>
    <name>Errors</name>
    <message>
        <source>“{name}” is hidden, so it cannot be sent. Show it in the catalogue first.</source>
        <translation>“{name}” is hidden, so it cannot be sent. Show it in the catalog first.</translation>
    </message>
    <message>
        <source>“{name}” is sold out, so it is not offered. Add stock in the catalogue, or put the customer on its restock waitlist.</source>
        <translation>“{name}” is sold out, so it is not offered. Add stock in the catalog, or put the customer on its restock waitlist.</translation>
    </message>
    <message>
        <source>This computer's password store (keyring) did not keep the relay token: it may be locked, or its unlock was cancelled. Unlock it and try once more, or keep the relay token in Shop Inbox's settings file instead; only your user account can read it.</source>
        <translation>This computer's password store (keyring) did not keep the relay token: it may be locked, or its unlock was canceled. Unlock it and try once more, or keep the relay token in Shop Inbox's settings file instead; only your user account can read it.</translation>
    </message>
    <message>
        <source>“{value}” is not a postcode: a Korean postcode (우편번호) has 5 digits.</source>
        <translation>“{value}” is not a ZIP code: a Korean ZIP code (우편번호) has 5 digits.</translation>
    </message>
    <message>
        <source>The options of an order that was shipped, done or cancelled cannot be changed.</source>
        <translation>The options of an order that was shipped, done or canceled cannot be changed.</translation>
    </message>
    <message>
        <source>The payment deadline cancelled order {number}, so it is not moved back. If the customer paid after all, Match bank deposits… restores it as paid.</source>
        <translation>The payment deadline canceled order {number}, so it is not moved back. If the customer paid after all, Match bank deposits… restores it as paid.</translation>
    </message>
    <message>
        <source>This file is too large for a catalogue (over {limit} MB).</source>
        <translation>This file is too large for a catalog (over {limit} MB).</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was added.</source>
        <translation>The import was canceled. Nothing was added.</translation>
    </message>
    <message>
        <source>The export was cancelled. No file was saved.</source>
        <translation>The export was canceled. No file was saved.</translation>
    </message>
    <message>
        <source>“{value}” is not a colour like #25D366.</source>
        <translation>“{value}” is not a color like #25D366.</translation>
    </message>
    <message>
        <source>This campaign has already finished or was cancelled: it cannot be paused or resumed.</source>
        <translation>This campaign has already finished or was canceled: it cannot be paused or resumed.</translation>
    </message>
    <message>
        <source>Order {number} was cancelled: its items no longer change. Make a new order.</source>
        <translation>Order {number} was canceled: its items no longer change. Make a new order.</translation>
    </message>
    </context>
<context>
    <name>ExpiryNotice</name>
    <message>
        <source>1 order cancelled because the payment deadline passed — tell the customer?</source>
        <translation>1 order canceled because the payment deadline passed — tell the customer?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) cancelled because the payment deadline passed — tell the customers?</source>
        <translation><numerusform>%Ln order canceled because the payment deadline passed — tell the customer?</numerusform><numerusform>%Ln orders canceled because the payment deadline passed — tell the customers?</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>language not recognised</source>
        <translation>language not recognized</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was added.</source>
        <translation>The import was canceled. Nothing was added.</translation>
    </message>
    <message>
        <source>Cancelling… removing what was imported</source>
        <translation>Canceling… removing what was imported</translation>
    </message>
    </context>
<context>
    <name>ItemForm</name>
    <message>
        <source>Material, sizes, colours, care…</source>
        <translation>Material, sizes, colors, care…</translation>
    </message>
    </context>
<context>
    <name>KeptEdits</name>
    <message>
        <source>You have an unsaved catalogue item from {0}.</source>
        <translation>You have an unsaved catalog item from {0}.</translation>
    </message>
    <message>
        <source>You have an unsaved catalogue item “{1}” from {0}.</source>
        <translation>You have an unsaved catalog item “{1}” from {0}.</translation>
    </message>
    </context>
<context>
    <name>LabelsManager</name>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Color…</translation>
    </message>
    <message>
        <source>This colour cannot be used.</source>
        <translation>This color cannot be used.</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>Label color</translation>
    </message>
    </context>
<context>
    <name>LinesModel</name>
    <message>
        <source>{0} (not in catalogue)</source>
        <translation>{0} (not in catalog)</translation>
    </message>
    <message>
        <source>Double-click to change the size, colour or other option</source>
        <translation>Double-click to change the size, color or other option</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Catalogue…</source>
        <translation>&amp;Catalog…</translation>
    </message>
    </context>
<context>
    <name>MessageBox</name>
    <message>
        <source>From the catalo&amp;gue…</source>
        <translation>From the catalo&amp;g…</translation>
    </message>
    </context>
<context>
    <name>OrderBack</name>
    <message>
        <source>The customer was already told it was cancelled.</source>
        <translation>The customer was already told it was canceled.</translation>
    </message>
    </context>
<context>
    <name>OrderBoard</name>
    <message>
        <source>Courier &amp;sheet…</source>
        <translation>Carrier &amp;sheet…</translation>
    </message>
    <message>
        <source>The paid orders as the courier's upload sheet (CSV for Excel)</source>
        <translation>The paid orders as the carrier's upload sheet (CSV for Excel)</translation>
    </message>
    <message>
        <source>Read the courier's file of tracking numbers: those orders are shipped</source>
        <translation>Read the carrier's file of tracking numbers: those orders are shipped</translation>
    </message>
    <message>
        <source>Total {0}, cancelled ones not counted</source>
        <translation>Total {0}, canceled ones not counted</translation>
    </message>
    <message>
        <source>Save courier sheet</source>
        <translation>Save carrier sheet</translation>
    </message>
    <message>
        <source>courier-sheet-{0}.xlsx</source>
        <translation>carrier-sheet-{0}.xlsx</translation>
    </message>
    <message>
        <source>No paid orders to send: the courier sheet lists orders that are paid and not shipped yet.</source>
        <translation>No paid orders to send: the carrier sheet lists orders that are paid and not shipped yet.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln paid order(s) saved to the courier sheet.</source>
        <translation><numerusform>%Ln paid order saved to the carrier sheet.</numerusform><numerusform>%Ln paid orders saved to the carrier sheet.</numerusform></translation>
    </message>
    <message>
        <source>No courier sheet saved: no paid order has an address yet.</source>
        <translation>No carrier sheet saved: no paid order has an address yet.</translation>
    </message>
    <message>
        <source>Courier sheet</source>
        <translation>Carrier sheet</translation>
    </message>
    <message>
        <source>These paid orders are not in the courier sheet: a courier cannot take a parcel without its address. Fill it in on each order, then save the sheet again.</source>
        <translation>These paid orders are not in the carrier sheet: a carrier cannot take a package without its address. Fill it in on each order, then save the sheet again.</translation>
    </message>
    <message>
        <source>The courier sheet was not saved. {0}</source>
        <translation>The carrier sheet was not saved. {0}</translation>
    </message>
    <message>
        <source>Open the courier's file</source>
        <translation>Open the carrier's file</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>1 order in this file has no courier. Which courier is its tracking number from?</source>
        <translation>1 order in this file has no carrier. Which carrier is its tracking number from?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) in this file have no courier. Which courier are their tracking numbers from?</source>
        <translation><numerusform>%Ln order in this file has no carrier. Which carrier is its tracking number from?</numerusform><numerusform>%Ln orders in this file have no carrier. Which carrier are their tracking numbers from?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln ticked row(s) were not applied: their orders changed meanwhile.</source>
        <translation><numerusform>%Ln checked row was not applied: its order changed meanwhile.</numerusform><numerusform>%Ln checked rows were not applied: their orders changed meanwhile.</numerusform></translation>
    </message>
    </context>
<context>
    <name>OrderFields</name>
    <message>
        <source>courier</source>
        <translation>carrier</translation>
    </message>
    </context>
<context>
    <name>OrderSettingsDialog</name>
    <message>
        <source>Outside the 24-hour window a return that refunds part of an order goes as the template above, with {{1}} the name, {{2}} the order number and {{3}} the amount this return refunds. A return of the whole order goes as the Cancelled tab's refund template when one is chosen. An exchange has no template: tell the customer by phone, or once they write again.</source>
        <translation>Outside the 24-hour window a return that refunds part of an order goes as the template above, with {{1}} the name, {{2}} the order number and {{3}} the amount this return refunds. A return of the whole order goes as the Canceled tab's refund template when one is chosen. An exchange has no template: tell the customer by phone, or once they write again.</translation>
    </message>
    </context>
<context>
    <name>OrderText</name>
    <message>
        <source>The customer will not be told that the {0} she paid comes back: she has not written to you on WhatsApp yet, so WhatsApp lets only an approved template through, and none is chosen for the refund. Choose one in Shop ▸ Order settings (Cancelled tab), or call her, or tell her when she writes.</source>
        <translation>The customer will not be told that the {0} she paid comes back: she has not written to you on WhatsApp yet, so WhatsApp lets only an approved template through, and none is chosen for the refund. Choose one in Shop ▸ Order settings (Canceled tab), or call her, or tell her when she writes.</translation>
    </message>
    <message>
        <source>The customer will not be told that the {0} she paid comes back: she last wrote more than 24 hours ago, so WhatsApp lets only an approved template through, and none is chosen for the refund. Choose one in Shop ▸ Order settings (Cancelled tab), or call her, or tell her when she next writes.</source>
        <translation>The customer will not be told that the {0} she paid comes back: she last wrote more than 24 hours ago, so WhatsApp lets only an approved template through, and none is chosen for the refund. Choose one in Shop ▸ Order settings (Canceled tab), or call her, or tell her when she next writes.</translation>
    </message>
    <message>
        <source>no address or postcode</source>
        <translation>no address or ZIP code</translation>
    </message>
    <message>
        <source>no postcode</source>
        <translation>no ZIP code</translation>
    </message>
    <message>
        <source>A done order cannot be cancelled: record a return instead.</source>
        <translation>A done order cannot be canceled: record a return instead.</translation>
    </message>
    <message>
        <source>A cancelled order cannot be marked done.</source>
        <translation>A canceled order cannot be marked done.</translation>
    </message>
    </context>
<context>
    <name>OrderWindow</name>
    <message>
        <source>{0}: cancelled, the payment deadline passed (message to the customer not sent)</source>
        <translation>{0}: canceled, the payment deadline passed (message to the customer not sent)</translation>
    </message>
    <message>
        <source>{0}: exchange order {1} cancelled: the {2} carried to it is refunded</source>
        <translation>{0}: exchange order {1} canceled: the {2} carried to it is refunded</translation>
    </message>
    <message>
        <source>{0}: tracking number {1} replaced by {2} from the courier's file</source>
        <translation>{0}: tracking number {1} replaced by {2} from the carrier's file</translation>
    </message>
    <message>
        <source>{0}: a deposit came after the order was cancelled, left to be refunded: {1}</source>
        <translation>{0}: a deposit came after the order was canceled, left to be refunded: {1}</translation>
    </message>
    <message>
        <source>{0}: cancelled, the payment deadline passed</source>
        <translation>{0}: canceled, the payment deadline passed</translation>
    </message>
    <message>
        <source>Order {0} has no address or postcode.</source>
        <translation>Order {0} has no address or ZIP code.</translation>
    </message>
    <message>
        <source>Order {0} has no postcode.</source>
        <translation>Order {0} has no ZIP code.</translation>
    </message>
    <message>
        <source>A courier cannot deliver a parcel without it.</source>
        <translation>A carrier cannot deliver a package without it.</translation>
    </message>
    <message>
        <source>{number} is a number Excel changed into a short form: its last digits are lost. Copy the tracking number from the courier's original file.

Save it anyway?</source>
        <translation>{number} is a number Excel changed into a short form: its last digits are lost. Copy the tracking number from the carrier's original file.

Save it anyway?</translation>
    </message>
    <message>
        <source>Type the courier and the tracking number, then click “{0}”.</source>
        <translation>Type the carrier and the tracking number, then click “{0}”.</translation>
    </message>
    <message>
        <source>Add the new stock in the catalogue (Shop ▸ Catalogue) and try again, or cancel this order and make one for what is left.</source>
        <translation>Add the new stock in the catalog (Shop ▸ Catalog) and try again, or cancel this order and make one for what is left.</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <source>Cancelled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>{0} (not in catalogue)</source>
        <translation>{0} (not in catalog)</translation>
    </message>
    </context>
<context>
    <name>PlaceholderButtons</name>
    <message>
        <source>Courier</source>
        <translation>Carrier</translation>
    </message>
    </context>
<context>
    <name>PublicHolidaysDialog</name>
    <message>
        <source>Tick the days the shop closes on. You can change or remove them after.</source>
        <translation>Check the days the shop closes on. You can change or remove them after.</translation>
    </message>
    <message>
        <source>&amp;Add ticked days</source>
        <translation>&amp;Add checked days</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Choose &amp;item from catalogue…</source>
        <translation>Choose &amp;item from catalog…</translation>
    </message>
    <message>
        <source>Leave it unticked while the parcel is on its way: mark it arrived on the order later.</source>
        <translation>Leave it unchecked while the package is on its way: mark it arrived on the order later.</translation>
    </message>
    </context>
<context>
    <name>ReturnLinesModel</name>
    <message>
        <source>Double-click (or Enter) to choose another item from the catalogue</source>
        <translation>Double-click (or Enter) to choose another item from the catalog</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>No messages in the chats the list shows. Untick the box above to search every chat.</source>
        <translation>No messages in the chats the list shows. Uncheck the box above to search every chat.</translation>
    </message>
    </context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Restore {file}, saved {when}?

Everything in Shop Inbox now (chats, orders, catalogue, quick replies and settings) will be replaced by what is in the backup. What is here now is kept aside in the data folder, not deleted. Shop Inbox starts again once the restore is done.</source>
        <translation>Restore {file}, saved {when}?

Everything in Shop Inbox now (chats, orders, catalog, quick replies and settings) will be replaced by what is in the backup. What is here now is kept aside in the data folder, not deleted. Shop Inbox starts again once the restore is done.</translation>
    </message>
    <message>
        <source>Restore {file}, saved {when}?

The chats, orders, catalogue, quick replies and settings in the backup come to this computer, and Shop Inbox opens on them.</source>
        <translation>Restore {file}, saved {when}?

The chats, orders, catalog, quick replies and settings in the backup come to this computer, and Shop Inbox opens on them.</translation>
    </message>
    <message>
        <source>Send read &amp;receipts (blue ticks) to customers</source>
        <translation>Send read &amp;receipts (blue check marks) to customers</translation>
    </message>
    <message>
        <source>The country writes customers' phone numbers as they are dialled there; new catalogue items and orders are priced in the currency (prices already set keep theirs).</source>
        <translation>The country writes customers' phone numbers as they are dialed there; new catalog items and orders are priced in the currency (prices already set keep theirs).</translation>
    </message>
    </context>
<context>
    <name>ShipToForm</name>
    <message>
        <source>Postcode (5 digits)</source>
        <translation>ZIP code (5 digits)</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>ZIP code</translation>
    </message>
    </context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Catalogue: type # at the start of a word to pick items to send</source>
        <translation>Catalog: type # at the start of a word to pick items to send</translation>
    </message>
    <message>
        <source>Save, in the catalogue, quick replies, greeting, away message and other Shop windows</source>
        <translation>Save, in the catalog, quick replies, greeting, away message and other Shop windows</translation>
    </message>
    </context>
<context>
    <name>StartOrderDialog</name>
    <message>
        <source>Search the catalogue by name or code</source>
        <translation>Search the catalog by name or code</translation>
    </message>
    <message>
        <source>Search the catalogue</source>
        <translation>Search the catalog</translation>
    </message>
    <message>
        <source>Catalogue items found</source>
        <translation>Catalog items found</translation>
    </message>
    <message>
        <source>Add “{0}” (not in the catalogue: you type its price)</source>
        <translation>Add “{0}” (not in the catalog: you type its price)</translation>
    </message>
    </context>
<context>
    <name>Surcharges</name>
    <message>
        <source>Scottish Highlands and islands: IV, HS, KW, ZE and some AB, FK, KA, PA, PH postcodes</source>
        <translation>Scottish Highlands and islands: IV, HS, KW, ZE and some AB, FK, KA, PA, PH ZIP codes</translation>
    </message>
    <message>
        <source>Northern Ireland: BT postcodes</source>
        <translation>Northern Ireland: BT ZIP codes</translation>
    </message>
    </context>
<context>
    <name>SyncedFolderNotice</name>
    <message>
        <source>Your data folder, {folder}, is inside {service}, which copies it to and from other computers while Shop Inbox writes to it: the inbox file can be damaged, above all with Shop Inbox open on two computers at once. Keep the data folder outside {service}; to have copies there, tick Settings ▸ Your data ▸ Back up every day to a folder and choose one in {service}.</source>
        <translation>Your data folder, {folder}, is inside {service}, which copies it to and from other computers while Shop Inbox writes to it: the inbox file can be damaged, above all with Shop Inbox open on two computers at once. Keep the data folder outside {service}; to have copies there, check Settings ▸ Your data ▸ Back up every day to a folder and choose one in {service}.</translation>
    </message>
</context>
<context>
    <name>TrackingReport</name>
    <message>
        <source>the tracking number {0} was changed by Excel (saved as a number, its last digits are lost). Format the tracking number column as Text in Excel, or open the courier's original file, and import it again</source>
        <translation>the tracking number {0} was changed by Excel (saved as a number, its last digits are lost). Format the tracking number column as Text in Excel, or open the carrier's original file, and import it again</translation>
    </message>
    </context>
<context>
    <name>TrackingReviewDialog</name>
    <message>
        <source>Doubtful: {0}. Tick it to mark shipped anyway</source>
        <translation>Doubtful: {0}. Check it to mark shipped anyway</translation>
    </message>
    <message>
        <source>Nothing has changed yet. Only the ticked rows change when you press Apply.</source>
        <translation>Nothing has changed yet. Only the checked rows change when you press Apply.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) need your look and are not ticked.</source>
        <translation><numerusform>%Ln row needs your look and is not checked.</numerusform><numerusform>%Ln rows need your look and are not checked.</numerusform></translation>
    </message>
    </context>
<context>
    <name>TrackingReviewModel</name>
    <message>
        <source>Courier</source>
        <translation>Carrier</translation>
    </message>
    </context>
<context>
    <name>campaigns</name>
    <message>
        <source>Cancelled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>The campaign was cancelled first</source>
        <translation>The campaign was canceled first</translation>
    </message>
    <message>
        <source>Ticks</source>
        <translation>Check marks</translation>
    </message>
    </context>
</TS>
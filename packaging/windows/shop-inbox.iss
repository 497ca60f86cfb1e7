; Inno Setup script for Shop Inbox (Windows). Build after PyInstaller:
;   iscc /DAppVersion=1.2.3 packaging\windows\shop-inbox.iss
; Signing: define SIGN_TOOL (e.g. in the CI secret) and pass /DSign=1 with /Ssigntool="signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /f $qcert.pfx$q /p $qpassword$q $f"

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
; A fixed AppId makes a new version upgrade the old one in place.
AppId={{6E0C1B7E-3F1A-4B8E-9C55-5A1F0D2B7C11}
AppName=Shop Inbox
AppVersion={#AppVersion}
AppPublisher=Shop Inbox
DefaultDirName={autopf}\Shop Inbox
DefaultGroupName=Shop Inbox
; Per-user install with no admin rights by default; the owner may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\build\installer
OutputBaseFilename=ShopInbox-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\ShopInbox.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\build\dist\ShopInbox\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Shop Inbox"; Filename: "{app}\ShopInbox.exe"
Name: "{group}\{cm:UninstallProgram,Shop Inbox}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Shop Inbox"; Filename: "{app}\ShopInbox.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ShopInbox.exe"; Description: "{cm:LaunchProgram,Shop Inbox}"; Flags: nowait postinstall skipifsilent

[Code]
// The chats live in %LOCALAPPDATA%\ShopInbox\ShopInbox: kept on uninstall unless the owner asks.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\ShopInbox\ShopInbox');
    if DirExists(DataDir) and not UninstallSilent() then
      if MsgBox('Also delete your saved chats, catalogue and settings on this computer?' #13#10 +
                '(Choose No to keep them for a later reinstall.)', mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;

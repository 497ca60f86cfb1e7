; Inno Setup 6 script for Shop Inbox (Windows). Build the app first, then the installer, from the repo root:
;   pyinstaller --noconfirm build.spec
;   iscc /DAppVersion=1.2.3 packaging\windows\shop-inbox.iss        -> build\installer\ShopInbox-1.2.3-setup.exe
;
; Signing (optional): define Sign and name a sign tool "signtool" whose command signs $f, e.g.
;   iscc /DAppVersion=1.2.3 /DSign "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /f $qC:\path\cert.pfx$q /p $qPASSWORD$q $f" packaging\windows\shop-inbox.iss
; It then signs ShopInbox.exe, the setup and the uninstaller. The release workflow does this when the
; WINDOWS_CERTIFICATE_PFX secret is set.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppExe "ShopInbox.exe"

[Setup]
; A fixed AppId makes a new version upgrade the old one in place (same folder, same uninstaller entry).
AppId={{6E0C1B7E-3F1A-4B8E-9C55-5A1F0D2B7C11}
AppName=Shop Inbox
AppVersion={#AppVersion}
AppVerName=Shop Inbox {#AppVersion}
VersionInfoVersion={#AppVersion}
AppPublisher=Shop Inbox
DefaultDirName={autopf}\Shop Inbox
DefaultGroupName=Shop Inbox
DisableProgramGroupPage=yes
; Per-user install (%LOCALAPPDATA%\Programs) with no admin rights by default; the owner may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\build\installer
OutputBaseFilename=ShopInbox-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=Shop Inbox
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; An open Shop Inbox is closed (and its files freed) before an upgrade replaces them.
CloseApplications=yes
RestartApplications=no
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"

[CustomMessages]
english.DeleteData=Also delete your saved chats, catalogue and settings on this computer?%n%n(Choose No to keep them for a later reinstall.)
korean.DeleteData=이 컴퓨터에 저장된 대화, 카탈로그, 설정도 삭제할까요?%n%n(나중에 다시 설치할 때 쓰려면 '아니요'를 누르세요.)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: files a previous version shipped must not linger beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
#ifdef Sign
Source: "..\..\build\dist\ShopInbox\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion signonce
Source: "..\..\build\dist\ShopInbox\*"; Excludes: "{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#else
Source: "..\..\build\dist\ShopInbox\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#endif

[Icons]
Name: "{group}\Shop Inbox"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\Shop Inbox"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,Shop Inbox}"; Flags: nowait postinstall skipifsilent

[Code]
// The chats, settings and logs live in %LOCALAPPDATA%\ShopInbox\ShopInbox (app/paths.py, platformdirs).
// The uninstaller keeps them unless the owner says otherwise; a silent uninstall always keeps them.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  // Settings ▸ "Open Shop Inbox when I sign in" (app/sign_in.py): no start-up entry outlives the program.
  if CurUninstallStep = usUninstall then
    RegDeleteValue(HKEY_CURRENT_USER, 'Software\Microsoft\Windows\CurrentVersion\Run', 'Shop Inbox');
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\ShopInbox\ShopInbox');
    if DirExists(DataDir) and not UninstallSilent() then
      if MsgBox(CustomMessage('DeleteData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;

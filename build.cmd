@echo off
:: Hands over to build.ps1, with PowerShell 7 (pwsh) when it is installed, else Windows PowerShell.
where pwsh >nul 2>nul
if %ERRORLEVEL% equ 0 (
  pwsh -NoProfile -ExecutionPolicy ByPass -File "%~dp0build.ps1" %*
) else (
  powershell -NoProfile -ExecutionPolicy ByPass -File "%~dp0build.ps1" %*
)
exit /b %ERRORLEVEL%
